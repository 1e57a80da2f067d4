import HaVipModel

/// A transaction that passes every call on and counts the statements: what proves a Describe reads a
/// page's related rows with one query per related table, however many items the page holds.
final class CountingTransaction: StoreTransaction {
    let base: any StoreTransaction
    private(set) var statements = 0

    init(_ base: any StoreTransaction) {
        self.base = base
    }

    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R] {
        statements += 1
        return try base.select(query)
    }

    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        statements += 1
        return try base.count(query)
    }

    func count<R: StoredRecord, Value: SQLConvertible & Hashable>(_ query: Query<R>, by column: Column<R, Value>) throws -> [Value: Int] {
        statements += 1
        return try base.count(query, by: column)
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        statements += 1
        try base.insert(record)
    }

    func lockTable<R: StoredRecord>(_ type: R.Type) throws {
        statements += 1
        try base.lockTable(type)
    }

    func update<R: StoredRecord>(_ record: R) throws {
        statements += 1
        try base.update(record)
    }

    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        statements += 1
        return try base.delete(query)
    }
}

extension Harness {
    /// Runs `body` on a snapshot through a ``CountingTransaction``: its answer and how many statements it ran.
    func counted<T: Sendable>(
        _ body: @escaping @Sendable (any StoreTransaction, OperationContext) throws -> T
    ) async throws -> (answer: T, statements: Int) {
        try await read { tx, context in
            let counting = CountingTransaction(tx)
            let answer = try body(counting, context)
            return (answer, counting.statements)
        }
    }
}
