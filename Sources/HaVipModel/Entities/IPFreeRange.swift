/// A run of free addresses `first...last` of a vSwitch. Allocation takes from the lowest run and release
/// merges runs back, so finding a free address is one indexed lookup however full the vSwitch is.
public struct IPFreeRange: StoredRecord, Equatable {
    public var account: AccountID
    public var vSwitchId: String
    public var first: UInt32
    public var last: UInt32

    public init(account: AccountID, vSwitchId: String, first: UInt32, last: UInt32) {
        self.account = account
        self.vSwitchId = vSwitchId
        self.first = first
        self.last = last
    }

    public static let table = "ip_free_ranges"
    public static let columns = ["key", "account", "vswitch_id", "first_address", "last_address"]

    public var values: [SQLValue] {
        [.text("\(vSwitchId)/\(first)"), .text(account.rawValue), .text(vSwitchId), .integer(Int64(first)), .integer(Int64(last))]
    }

    public init(row: StoredRow) throws {
        self.init(account: AccountID(try row.text(1)), vSwitchId: try row.text(2), first: UInt32(try row.integer(3)), last: UInt32(try row.integer(4)))
    }
}
