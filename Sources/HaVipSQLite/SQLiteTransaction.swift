import GRDB
import GRDBSQLite
import HaVipModel
import HaVipSQL

/// Where a transaction gets its prepared statements: a GRDB connection (writes, the in-memory store) or
/// one of the store's own ``ReaderConnection``s (reads).
protocol SQLiteStatementSource {
    /// The statement for `sql`, prepared once per connection and reset after each use.
    func statement(_ sql: String) throws -> OpaquePointer
    var connection: OpaquePointer? { get }
}

extension Database: SQLiteStatementSource {
    func statement(_ sql: String) throws -> OpaquePointer {
        try cachedStatement(sql: sql).sqliteStatement
    }

    var connection: OpaquePointer? { sqliteConnection }
}

/// A ``StoreTransaction`` on one SQLite connection: inside a transaction GRDB opened (writes), or in a
/// ``snapshot(_:_:)`` (reads).
///
/// Statements are prepared once per connection; they are bound and stepped through SQLite's C API,
/// each column turned straight into a ``SQLValue`` and handed to the record's decoding (no row array),
/// because GRDB's general row decoding (`Row`, `DatabaseValue`, `StatementArguments`) was the largest
/// cost of a describe.
struct SQLiteTransaction: StoreTransaction {
    let db: any SQLiteStatementSource
    private static let compiler = SQLCompiler(.sqlite)

    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R] {
        let schema = R.schema
        return try rows(Self.compiler.select(query)) { handle in try schema.decode { column in Self.value(handle, Int32(column)) } }
    }

    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        try rows(Self.compiler.count(query)) { handle in Int(sqlite3_column_int64(handle, 0)) }.first ?? 0
    }

    func count<R: StoredRecord, Value: SQLConvertible & Hashable>(_ query: Query<R>, by column: HaVipModel.Column<R, Value>) throws -> [Value: Int] {
        var counts: [Value: Int] = [:]
        for (value, count) in try rows(Self.compiler.count(query, by: column), { handle in
            (try Value(sqlValue: Self.value(handle, 0)), Int(sqlite3_column_int64(handle, 1)))
        }) {
            counts[value] = count
        }
        return counts
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        try execute(Self.compiler.insert(record))
    }

    func insert<R: StoredRecord>(contentsOf records: [R]) throws {
        for statement in Self.compiler.insert(contentsOf: records) { try execute(statement) }
    }

    func update<R: StoredRecord>(_ record: R) throws {
        try execute(Self.compiler.update(record))
    }

    /// Nothing to do: SQLite runs one write transaction at a time.
    func lockTable<R: StoredRecord>(_ type: R.Type) throws {}

    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        try execute(Self.compiler.delete(query))
        return Int(db.connection.map { sqlite3_changes($0) } ?? 0)
    }

    /// Steps a prepared query, making a `T` of each row straight from the statement's columns.
    private func rows<T>(_ statement: SQLStatement, _ make: (SQLiteStatement) throws -> T) throws -> [T] {
        try withBound(statement.sql, statement.bindings) { handle in
            var results: [T] = []
            while true {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE { return results }
                guard code == SQLITE_ROW else { throw failure(code, sql: statement.sql) }
                results.append(try make(handle))
            }
        }
    }

    /// Runs `body` on one snapshot of `db` (a connection outside any transaction).
    static func snapshot<T>(_ db: any SQLiteStatementSource, _ body: (SQLiteTransaction) throws -> T) throws -> T {
        try transaction(db, begin: "BEGIN DEFERRED TRANSACTION") { try body(SQLiteTransaction(db: db)) }
    }

    /// Runs `body` in one transaction of `db` (a connection outside any transaction), begun with `begin`:
    /// `BEGIN`, `COMMIT` and `ROLLBACK` are prepared once per connection rather than built and parsed for
    /// every transaction, as GRDB's own `read` and `write` do.
    static func transaction<T>(_ db: any SQLiteStatementSource, begin: String, _ body: () throws -> T) throws -> T {
        let tx = SQLiteTransaction(db: db)
        try tx.execute(sql: begin)
        do {
            let result = try body()
            try tx.execute(sql: "COMMIT TRANSACTION")
            return result
        } catch {
            try? tx.execute(sql: "ROLLBACK TRANSACTION")
            throw error
        }
    }

    private func execute(_ statement: SQLStatement) throws {
        try execute(sql: statement.sql, statement.bindings)
    }

    private func execute(sql: String, _ bindings: [SQLValue] = []) throws {
        try withBound(sql, bindings) { handle in
            var code = sqlite3_step(handle)
            while code == SQLITE_ROW { code = sqlite3_step(handle) }
            guard code == SQLITE_DONE else {
                if code & 0xFF == SQLITE_CONSTRAINT { throw StoreError.conflict(message(code)) }
                throw failure(code, sql: sql)
            }
        }
    }

    /// The prepared statement for `sql` with `bindings` bound (every placeholder, so no earlier binding
    /// survives), handed to `body`, and reset afterwards.
    private func withBound<T>(_ sql: String, _ bindings: [SQLValue], _ body: (SQLiteStatement) throws -> T) throws -> T {
        let handle = try db.statement(sql)
        defer { sqlite3_reset(handle) }
        try bind(bindings, to: handle)
        return try body(handle)
    }

    private func bind(_ values: [SQLValue], to handle: SQLiteStatement) throws {
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32 =
                switch value {
                case .null: sqlite3_bind_null(handle, index)
                case .integer(let integer): sqlite3_bind_int64(handle, index, integer)
                case .real(let real): sqlite3_bind_double(handle, index, real)
                case .text(var text):
                    text.withUTF8 { bytes in
                        sqlite3_bind_text(handle, index, bytes.baseAddress, Int32(bytes.count), Self.transient)
                    }
                }
            guard code == SQLITE_OK else { throw failure(code, sql: nil) }
        }
    }

    private static func value(_ handle: SQLiteStatement, _ column: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, column) {
        case SQLITE_NULL: return .null
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
        default:
            // Text (and blobs, which havip never writes, read as UTF-8).
            guard let bytes = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self))
        }
    }

    private func message(_ code: Int32) -> String {
        db.connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "SQLite error \(code)"
    }

    private func failure(_ code: Int32, sql: String?) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: message(code), sql: sql)
    }

    /// `SQLITE_TRANSIENT`: SQLite copies bound text before the call returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}
