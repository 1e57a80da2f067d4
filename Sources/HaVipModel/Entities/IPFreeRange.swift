/// A run of free addresses `first...last` of a vSwitch. Allocation takes from the lowest run and release
/// merges runs back, so finding a free address is one indexed lookup however full the vSwitch is.
public struct IPFreeRange: Equatable, Sendable {
    public var account: AccountID
    public var vSwitchId: String
    public var first: UInt32
    public var last: UInt32

    /// The primary key: a run is known by its vSwitch and first address.
    public var key: String { "\(vSwitchId)/\(first)" }
}

extension IPFreeRange: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "ip_free_ranges", columns: column, blank: IPFreeRange(account: AccountID(""), vSwitchId: "", first: 0, last: 0))

    /// The columns of `ip_free_ranges`.
    public final class Columns: Sendable {
        public let key = Column(computed: \IPFreeRange.key, "key")
        public let account = Column(\IPFreeRange.account, "account")
        public let vSwitchId = Column(\IPFreeRange.vSwitchId, "vswitch_id")
        public let first = Column(\IPFreeRange.first, "first_address")
        public let last = Column(\IPFreeRange.last, "last_address")
    }
}
