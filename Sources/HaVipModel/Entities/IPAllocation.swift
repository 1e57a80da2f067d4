/// An address of a vSwitch in use by a HaVip, an instance or an ENI. The primary key
/// `vswitch/address-number` is what makes an address used at most once per vSwitch, across nodes.
public struct IPAllocation: StoredRecord, Equatable {
    public var account: AccountID
    public var vSwitchId: String
    public var address: UInt32
    public var ownerId: String

    public init(account: AccountID, vSwitchId: String, address: UInt32, ownerId: String) {
        self.account = account
        self.vSwitchId = vSwitchId
        self.address = address
        self.ownerId = ownerId
    }

    public static func key(vSwitchId: String, address: UInt32) -> String { "\(vSwitchId)/\(address)" }

    public static let table = "ip_allocations"
    public static let columns = ["key", "account", "vswitch_id", "address", "owner_id"]

    public var values: [SQLValue] {
        [.text(Self.key(vSwitchId: vSwitchId, address: address)), .text(account.rawValue), .text(vSwitchId), .integer(Int64(address)), .text(ownerId)]
    }

    public init(row: StoredRow) throws {
        self.init(account: AccountID(try row.text(1)), vSwitchId: try row.text(2), address: UInt32(try row.integer(3)), ownerId: try row.text(4))
    }
}
