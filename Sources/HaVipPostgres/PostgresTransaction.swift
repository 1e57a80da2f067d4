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
///
/// Statements are ``PostgresQuery``s: the compiler's SQL with its values as ``PostgresBindings``, and
/// havip's own statements written with PostgresQuery's interpolation (an interpolated value is a bound
/// parameter). Each runs through the connection's `query(_:logger:)` that collects every row into a
/// `PostgresQueryResult` future; the async form answers a `PostgresRowSequence`, which a blocked pool
/// thread could only consume through a task of its own per statement.
struct PostgresTransaction: StoreTransaction {
    let connection: PostgresConnection
    let logger: Logger
    /// When to stop waiting for any answer (PostgreSQL's own `statement_timeout` ends statements before it).
    let answerDeadline: ContinuousClock.Instant
    private static let compiler = SQLCompiler(.postgres)

    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R] {
        let schema = R.schema
        return try run(Self.compiler.select(query)).map { row in
            let cells = row.makeRandomAccess()
            return try schema.decode { column in try SQLValue(cells[column]) }
        }
    }

    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        try run(Self.compiler.count(query)).first?.decode(Int.self) ?? 0
    }

    func count<R: StoredRecord, Value: SQLConvertible & Hashable>(_ query: Query<R>, by column: Column<R, Value>) throws -> [Value: Int] {
        var counts: [Value: Int] = [:]
        for row in try run(Self.compiler.count(query, by: column)) {
            let cells = row.makeRandomAccess()
            counts[try Value(sqlValue: SQLValue(cells[0]))] = try cells[1].decode(Int.self)
        }
        return counts
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        _ = try run(Self.compiler.insert(record))
    }

    func insert<R: StoredRecord>(contentsOf records: [R]) throws {
        for statement in Self.compiler.insert(contentsOf: records) { _ = try run(statement) }
    }

    func update<R: StoredRecord>(_ record: R) throws {
        _ = try run(Self.compiler.update(record))
    }

    func lockTable<R: StoredRecord>(_ type: R.Type) throws {
        if let statement = Self.compiler.lockTable(type) { _ = try run(statement) }
    }

    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        let statement = Self.compiler.delete(query)
        return try run(PostgresQuery(unsafeSQL: statement.sql + " RETURNING 1", binds: PostgresBindings(statement.bindings))).count
    }

    func run(_ statement: SQLStatement) throws -> [PostgresRow] {
        try run(PostgresQuery(unsafeSQL: statement.sql, binds: PostgresBindings(statement.bindings)))
    }

    /// Runs one statement and answers its rows.
    func run(_ query: PostgresQuery) throws -> [PostgresRow] {
        try wait(connection.query(query, logger: logger)).rows
    }

    /// Runs statements whose rows nobody reads, all sent before the first answer is waited for: the thread
    /// blocks (and is woken) once for all of them, not once each. Throws the first statement's error.
    func runAll(_ queries: [PostgresQuery]) throws {
        let sent = queries.map { connection.query($0, logger: logger) }
        for outcome in try wait(EventLoopFuture.whenAllComplete(sent, on: connection.eventLoop)) { _ = try outcome.get() }
    }

    /// Waits for `future` while watching the connection: postgres-nio (1.33.2) writes a query to its channel
    /// with no write promise (`PostgresConnection.query`), so a query written to a connection that is
    /// already closing is dropped and its future never completes; the fix upstream was reverted
    /// (vapor/postgres-nio#487, reverted by #501; #497 is still open). A plain `future.wait()` can then
    /// block forever when the database goes away. A closed connection or a passed deadline is
    /// ``StoreError/unavailable(_:)``.
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
    /// first": the store runs the transaction again. A lost or refused connection, a server shutting
    /// down or out of resources, or a lock or statement that ran out of the transaction's time, means the
    /// database is unavailable. Any other server error is a failure of havip's own SQL. Errors that are
    /// not the database's (the model's own) pass through unchanged.
    static func storeError(_ error: any Error) -> any Error {
        switch error {
        case let error as PSQLError:
            guard let state = error.serverInfo?[.sqlState] else { return StoreError.unavailable(String(describing: error.code)) }
            return storeError(PostgresError.Code(raw: state), message: error.serverInfo?[.message] ?? "")
        case is ChannelError, is IOError, is NIOConnectionError:
            return StoreError.unavailable(String(describing: error))
        default:
            return error
        }
    }

    static func storeError(_ code: PostgresError.Code, message: String) -> StoreError {
        switch code {
        case .serializationFailure, .deadlockDetected, .uniqueViolation:
            return .conflict(code.raw)
        case .lockNotAvailable:
            return .unavailable(code.raw)
        case _ where unavailableClasses.contains(code.sqlClass):
            return .unavailable(code.raw)
        default:
            return .failed("\(code.raw): \(message)")
        }
    }

    /// The SQLSTATE classes in which the database cannot serve now: connection exceptions (08), operator
    /// intervention (57: shutdown, cancelled statements, `statement_timeout`), insufficient resources (53).
    static let unavailableClasses = [PostgresError.Code.connectionException, .operatorIntervention, .insufficientResources].map(\.sqlClass)
}

extension PostgresError.Code {
    /// The SQLSTATE class: the code's first two characters, shared by a family of codes.
    var sqlClass: Substring { raw.prefix(2) }
}

extension PostgresBindings {
    /// The compiler's values, bound in order.
    init(_ values: [SQLValue]) {
        self.init(capacity: values.count)
        for value in values {
            switch value {
            case .null: appendNull()
            case .integer(let integer): append(integer)
            case .real(let real): append(real)
            case .text(let text): append(text)
            }
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
