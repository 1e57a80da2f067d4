/// A row type the stores can keep: a table, its columns (the first is the primary key), and the
/// conversion to and from values in column order. Every table also has an `account` column, and every
/// query is scoped by it.
public protocol StoredRecord: Sendable {
    static var table: String { get }
    static var columns: [String] { get }
    var account: AccountID { get }
    var values: [SQLValue] { get }
    init(row: StoredRow) throws
}

/// A record that lives in one region.
public protocol RegionalRecord: StoredRecord {
    var regionId: String { get }
}

extension StoredRecord {
    public static var primaryKey: String { columns[0] }
    public var primaryKeyValue: SQLValue { values[0] }
}

/// A condition on a column (or a record's tags) in a ``Query``.
public enum Condition: Sendable {
    case equals(String, SQLValue)
    case notEquals(String, SQLValue)
    case isIn(String, [SQLValue])
    case lessOrEqual(String, SQLValue)
    case greaterOrEqual(String, SQLValue)
    case isNull(String)
    case isNotNull(String)
    /// The record (by its primary key) carries the tag `key` (with `value`, when given) in the tags table.
    case hasTag(resourceType: String, key: String, value: String?)
}

/// A query on one record type: conditions (AND), order, paging and row locking.
public struct Query<Record: StoredRecord>: Sendable {
    public var account: AccountID
    public var conditions: [Condition]
    public var order: [(column: String, ascending: Bool)]
    public var limit: Int?
    public var offset: Int?
    /// Lock the selected rows until the transaction ends (`FOR UPDATE` where the database has it).
    public var forUpdate: Bool

    public init(
        _ type: Record.Type = Record.self, account: AccountID, _ conditions: [Condition] = [],
        order: [(column: String, ascending: Bool)] = [], limit: Int? = nil, offset: Int? = nil, forUpdate: Bool = false
    ) {
        self.account = account
        self.conditions = conditions
        self.order = order
        self.limit = limit
        self.offset = offset
        self.forUpdate = forUpdate
    }
}

/// One transaction of a store. Rules (in the model) run against this; SQL lives in the stores.
/// Its calls block the calling thread: stores run each transaction on a thread of their own.
public protocol StoreTransaction {
    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R]
    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int
    /// Throws ``StoreError/conflict(_:)`` when a unique constraint refuses it.
    func insert<R: StoredRecord>(_ record: R) throws
    /// Replaces the row with the record's primary key.
    func update<R: StoredRecord>(_ record: R) throws
    @discardableResult
    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int
}

extension StoreTransaction {
    /// The record with this primary key in the account, or nil.
    public func fetch<R: StoredRecord>(_ type: R.Type, _ key: String, account: AccountID, forUpdate: Bool = false) throws -> R? {
        try select(Query(type, account: account, [.equals(R.primaryKey, .text(key))], limit: 1, forUpdate: forUpdate)).first
    }

    /// The first record of a query, or nil.
    public func first<R: StoredRecord>(_ query: Query<R>) throws -> R? {
        var query = query
        query.limit = 1
        return try select(query).first
    }

    /// Deletes the record with this primary key.
    public func delete<R: StoredRecord>(_ record: R, account: AccountID) throws {
        try delete(Query(R.self, account: account, [.equals(R.primaryKey, record.primaryKeyValue)]))
    }
}

extension StoreTransaction {
    /// The record with this ID in the context's account and region, or `notFound`. With `lock`, the row
    /// stays locked until the transaction ends (`FOR UPDATE` on PostgreSQL; SQLite has one writer), so
    /// checks made on it hold until the change is committed.
    public func find<R: RegionalRecord>(
        _ type: R.Type, _ id: String, _ context: OperationContext, notFound: APIError, lock: Bool = false
    ) throws -> R {
        guard let record = try fetch(type, id, account: context.account, forUpdate: lock), record.regionId == context.regionId else {
            throw notFound
        }
        return record
    }

    /// Locks a row until the transaction ends: the rows under it (a vSwitch's addresses, a VPC's vSwitches)
    /// are then changed by one transaction at a time.
    public func lock<R: StoredRecord>(_ type: R.Type, _ key: String, account: AccountID) throws {
        _ = try fetch(type, key, account: account, forUpdate: true)
    }
}
