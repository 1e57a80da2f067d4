import Dispatch
import HaVipModel
import HaVipSQL
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import Synchronization

/// A ``StoreTransaction`` on one PostgreSQL connection. Its calls block the calling thread (a pool
/// thread, never an event loop) until the database answers, the connection closes, or `answerDeadline`
/// passes (then the connection is closed, which rolls the transaction back).
struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// When to stop waiting for any answer (PostgreSQL's own `statement_timeout` ends statements before it).
    let answerDeadline: ContinuousClock.Instant
    private static let compiler = SQLCompiler(.postgres)

    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R] {
        let schema = R.schema
        return try run(Self.compiler.select(query)).map { row in try schema.decode { row[$0] } }
    }

    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        try run(Self.compiler.count(query)).first.map { try Int(sqlValue: $0[0]) } ?? 0
    }

    func count<R: StoredRecord, Value: SQLConvertible & Hashable>(_ query: Query<R>, by column: Column<R, Value>) throws -> [Value: Int] {
        var counts: [Value: Int] = [:]
        for row in try run(Self.compiler.count(query, by: column)) { counts[try Value(sqlValue: row[0])] = try Int(sqlValue: row[1]) }
        return counts
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        _ = try run(Self.compiler.insert(record))
    }

    func update<R: StoredRecord>(_ record: R) throws {
        _ = try run(Self.compiler.update(record))
    }

    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        let statement = Self.compiler.delete(query)
        let result = try wait(connection.query(statement.sql + " RETURNING 1", statement.bindings.map(\.postgresData)))
        return result.rows.count
    }

    func run(_ statement: SQLStatement) throws -> [[SQLValue]] {
        try run(statement.sql, statement.bindings)
    }

    func run(_ sql: String, _ bindings: [SQLValue]) throws -> [[SQLValue]] {
        let result = try wait(connection.query(sql, bindings.map(\.postgresData)))
        return try result.rows.map { row in try row.map { try SQLValue($0) } }
    }

    /// Waits for `future` while watching the connection: postgres-nio (1.33) never completes a query
    /// written to a connection that is already closing, so a plain `future.wait()` can block forever
    /// when the database goes away. A closed connection or a passed deadline is ``StoreError/unavailable(_:)``.
    private func wait<T: Sendable>(_ future: EventLoopFuture<T>) throws -> T {
        let answer = Answer<T>()
        future.whenComplete { answer.set($0) }
        while true {
            if let result = answer.wait(for: .milliseconds(100)) {
                do {
                    return try result.get()
                } catch {
                    throw Self.storeError(error)
                }
            }
            if connection.isClosed { throw StoreError.unavailable("database connection closed") }
            if ContinuousClock.now >= answerDeadline {
                connection.close().whenComplete { _ in }
                throw StoreError.unavailable("no answer from the database in time")
            }
        }
    }

    /// Serialization failures, deadlocks and unique violations mean "another transaction got there
    /// first": the store runs the transaction again. A lost or refused connection, or a server shutting
    /// down, means the database is unavailable. Any other server error is a failure of havip's own SQL.
    /// Errors that are not the database's (the model's own) pass through unchanged.
    static func storeError(_ error: any Error) -> any Error {
        let state: String?
        switch error {
        case let error as PSQLError: state = error.serverInfo?[.sqlState]
        case PostgresError.server(let message): state = message.fields[.sqlState]
        case is PostgresError, is ChannelError, is IOError, is NIOConnectionError: state = nil
        default: return error
        }
        guard let state else { return StoreError.unavailable(String(describing: error)) }
        switch state {
        case "40001", "40P01", "23505": return StoreError.conflict(state)
        case let state where state.hasPrefix("08") || state.hasPrefix("57") || state.hasPrefix("53"):
            return StoreError.unavailable(state)
        default:
            return StoreError.failed("\(state): \(error)")
        }
    }
}

/// The outcome of one query, handed from the event loop to the blocked pool thread.
private final class Answer<T: Sendable>: Sendable {
    private let result = Mutex<Result<T, any Error>?>(nil)
    private let ready = DispatchSemaphore(value: 0)

    func set(_ outcome: Result<T, any Error>) {
        result.withLock { $0 = outcome }
        ready.signal()
    }

    /// The outcome, or nil if there is none after `interval`.
    func wait(for interval: Duration) -> Result<T, any Error>? {
        let nanoseconds = Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000)
        guard ready.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return nil }
        return result.withLock { $0 }
    }
}

extension SQLValue {
    var postgresData: PostgresData {
        switch self {
        case .null: PostgresData.null
        case .integer(let value): PostgresData(int64: value)
        case .real(let value): PostgresData(double: value)
        case .text(let value): PostgresData(string: value)
        }
    }

    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int8, .int4, .int2: self = .integer(try cell.decode(Int64.self))
        case .float8, .float4, .numeric: self = .real(try cell.decode(Double.self))
        default: self = .text(try cell.decode(String.self))
        }
    }
}
