/// Whose rows a query reaches: one account's (every query the API makes), or every account's (only the
/// emulator's own controls: reset, snapshots, transition steps, failover by ID).
public enum AccountScope: Sendable, Hashable {
    case account(AccountID)
    case everyAccount
}

/// A query on one record type: conditions (AND), order, paging and row locking.
public struct Query<Record: StoredRecord>: Sendable {
    public var scope: AccountScope
    public var conditions: [Condition<Record>]
    public var order: [Order<Record>]
    public var limit: Int?
    public var offset: Int?
    /// Lock the selected rows until the transaction ends (`FOR UPDATE` where the database has it).
    public var forUpdate: Bool

    public init(
        _ type: Record.Type = Record.self, account: AccountID, _ conditions: [Condition<Record>] = [], order: [Order<Record>] = [],
        limit: Int? = nil, offset: Int? = nil, forUpdate: Bool = false
    ) {
        self.init(type, scope: .account(account), conditions, order: order, limit: limit, offset: offset, forUpdate: forUpdate)
    }

    public init(
        _ type: Record.Type = Record.self, scope: AccountScope, _ conditions: [Condition<Record>] = [], order: [Order<Record>] = [],
        limit: Int? = nil, offset: Int? = nil, forUpdate: Bool = false
    ) {
        self.scope = scope
        self.conditions = conditions
        self.order = order
        self.limit = limit
        self.offset = offset
        self.forUpdate = forUpdate
    }
}

/// One column of a query's order.
public struct Order<Record: StoredRecord>: Sendable {
    /// The column's SQL name.
    public let column: String
    public let ascending: Bool

    public static func ascending<Value>(_ column: Column<Record, Value>) -> Self {
        Self(column: column.name, ascending: true)
    }

    public static func descending<Value>(_ column: Column<Record, Value>) -> Self {
        Self(column: column.name, ascending: false)
    }
}
