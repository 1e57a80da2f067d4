/// An address of a vSwitch in use by a HaVip, an instance or an ENI. The primary key
/// `vswitch/address-number` is what makes an address used at most once per vSwitch, across nodes.
public struct IPAllocation: Equatable, Sendable {
    public var account: AccountID
    public var vSwitchId: String
    public var address: UInt32
    public var ownerId: String

    public static func key(vSwitchId: String, address: UInt32) -> String { "\(vSwitchId)/\(address)" }
    public var key: String { Self.key(vSwitchId: vSwitchId, address: address) }
}

extension IPAllocation: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "ip_allocations", columns: column, blank: IPAllocation(account: AccountID(""), vSwitchId: "", address: 0, ownerId: ""))

    /// The columns of `ip_allocations`.
    public final class Columns: Sendable {
        public let key = Column(computed: \IPAllocation.key, "key")
        public let account = Column(\IPAllocation.account, "account")
        public let vSwitchId = Column(\IPAllocation.vSwitchId, "vswitch_id")
        public let address = Column(\IPAllocation.address, "address")
        public let ownerId = Column(\IPAllocation.ownerId, "owner_id")
    }
}
