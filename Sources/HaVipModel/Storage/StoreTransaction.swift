/// One transaction of a store. Rules (in the model) run against this; SQL lives in the stores.
/// Its calls block the calling thread: stores run each transaction on a thread of their own.
public protocol StoreTransaction {
    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R]
    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int
    /// How many rows of the query hold each value of `column` (a value no row holds is absent).
    func count<R: StoredRecord, Value: SQLConvertible & Hashable>(_ query: Query<R>, by column: Column<R, Value>) throws -> [Value: Int]
    /// Throws ``StoreError/conflict(_:)`` when a unique constraint refuses it.
    func insert<R: StoredRecord>(_ record: R) throws
    /// Inserts every record, as fewer statements where the store can (restoring a snapshot writes thousands).
    func insert<R: StoredRecord>(contentsOf records: [R]) throws
    /// Replaces the row with the record's primary key.
    func update<R: StoredRecord>(_ record: R) throws
    @discardableResult
    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int
    /// Keeps every other writer out of the record's table until the transaction ends (readers go on): what
    /// makes a change of a whole table exact while requests are served (reset, restore). SQLite has one
    /// writer at a time already; PostgreSQL locks the table (`EXCLUSIVE`). Lock tables in one fixed order.
    func lockTable<R: StoredRecord>(_ type: R.Type) throws
}

extension StoreTransaction {
    /// One insert after the other (what a store without multi-row inserts does).
    public func insert<R: StoredRecord>(contentsOf records: [R]) throws {
        for record in records { try insert(record) }
    }

    /// The record with this primary key in the account, or nil.
    public func fetch<R: StoredRecord>(_ type: R.Type, _ key: String, account: AccountID, forUpdate: Bool = false) throws -> R? {
        try select(Query(type, account: account, [.hasKey(.text(key))], limit: 1, forUpdate: forUpdate)).first
    }

    /// The first record of a query, or nil.
    public func first<R: StoredRecord>(_ query: Query<R>) throws -> R? {
        var query = query
        query.limit = 1
        return try select(query).first
    }

    /// Deletes the record with this primary key.
    public func delete<R: StoredRecord>(_ record: R, account: AccountID) throws {
        try delete(Query(R.self, account: account, [.hasKey(R.schema.key(record))]))
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
