import Foundation
import HaVipModel
import HaVipSQL
import Logging
import NIOCore
import NIOPosix
import PostgresNIO
import ServiceLifecycle
import Synchronization

/// The store for several havip nodes on one PostgreSQL database.
///
/// Each transaction runs the model's rules on a thread of a private pool, blocking on one pooled
/// connection (the model's store calls are synchronous, as SQLite's are). Write transactions are
/// `READ COMMITTED` with the model's explicit row locks (`FOR UPDATE` on the HaVip, instance, vSwitch or
/// VPC a rule depends on), so concurrent writers queue rather than fail; a deadlock or unique violation
/// is a ``StoreError/conflict(_:)`` and the whole transaction runs again. An unreachable database is ``StoreError/unavailable(_:)``
/// (`ServiceUnavailable` to clients) within ``operationTimeout``.
public final class PostgresStore: HaVipStore, Service {
    public let kind = "postgres"
    public let client: PostgresClient
    private let threads: NIOThreadPool
    private let logger: Logger
    /// How long one transaction may wait for the database before the request fails with ServiceUnavailable.
    public let operationTimeout: Duration

    /// A schema of its own (created by ``migrate()``), e.g. for tests that each want an empty database.
    let schema: String?

    /// `url` is `postgres://USER:PASS@HOST:PORT/DB`; `schema` puts every table in that schema instead of `public`.
    public init(url: String, poolSize: Int = 16, operationTimeout: Duration = .seconds(5), schema: String? = nil, logger: Logger) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, let user = components.user
        else { throw StoreError.unavailable("not a postgres:// URL: \(url)") }
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password,
            database: String(components.path.drop { $0 == "/" }), tls: .disable)
        configuration.options.maximumConnections = poolSize
        configuration.options.connectTimeout = .seconds(3)
        if let schema { configuration.options.additionalStartupParameters = [("search_path", schema)] }
        self.schema = schema
        self.client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.threads = NIOThreadPool(numberOfThreads: poolSize)
        self.logger = logger
        self.operationTimeout = operationTimeout
        threads.start()
    }

    /// Runs the connection pool until shutdown (a swift-service-lifecycle service).
    public func run() async throws {
        await client.run()
    }

    /// Applies the schema's migrations that are missing, exactly once even when several nodes start at
    /// the same moment (a transaction-scoped advisory lock serialises them).
    public func migrate() async throws {
        try await transaction(readOnly: false, isolation: "READ COMMITTED", timeout: .seconds(120)) { tx in
            // One lock per schema: nodes sharing a schema migrate one at a time.
            let lock = "havip-migrations/" + (self.schema ?? "public")
            _ = try tx.run("SELECT pg_advisory_xact_lock(hashtext(\(lock)))")
            // A schema name is an identifier, which cannot be bound; it is one of the tests' own making.
            if let schema = self.schema { _ = try tx.run(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \"\(schema)\"")) }
            _ = try tx.run("CREATE TABLE IF NOT EXISTS havip_migrations (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
            let applied = Set(try tx.run("SELECT name FROM havip_migrations").map { try $0.decode(String.self) })
            for migration in SQLSchema.migrations(for: .postgres) where !applied.contains(migration.name) {
                for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    _ = try tx.run(PostgresQuery(unsafeSQL: String(statement)))
                }
                _ = try tx.run("INSERT INTO havip_migrations (name) VALUES (\(migration.name))")
            }
        }
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await StoreRetry.onConflict {
            try await self.transaction(readOnly: false, isolation: "READ COMMITTED", body)
        }
    }

    public func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await StoreRetry.onConflict {
            try await self.transaction(readOnly: true, isolation: "REPEATABLE READ", body)
        }
    }

    public func checkReady() async throws {
        _ = try await read { tx in try tx.count(Query(HaVip.self, account: AccountID(""), [.never])) }
    }

    public func appliedMigrations() async throws -> [String] {
        try await transaction(readOnly: true, isolation: "READ COMMITTED") { tx in
            try tx.run("SELECT name FROM havip_migrations ORDER BY name").map { try $0.decode(String.self) }
        }
    }

    public func close() async throws {
        try await threads.shutdownGracefully()
    }

    /// One transaction on a pooled connection, run on a pool thread, all within ``operationTimeout`` (or
    /// `timeout`) of its call. Getting a connection past that time is `ServiceUnavailable`; once the
    /// transaction has begun, PostgreSQL bounds its statements and lock waits by the time left
    /// (`statement_timeout`, `lock_timeout`), and havip stops waiting for an answer a moment after the
    /// deadline or as soon as the connection closes, closing it (so a transaction answered
    /// `ServiceUnavailable` never commits afterwards; only a `COMMIT` whose reply is lost stays in doubt).
    func transaction<T: Sendable>(
        readOnly: Bool, isolation: String, timeout: Duration? = nil, _ body: @escaping @Sendable (PostgresTransaction) throws -> T
    ) async throws -> T {
        let threads = self.threads
        let logger = self.logger
        let limit = timeout ?? operationTimeout
        let deadline = ContinuousClock.now + limit
        let gate = StartGate()
        do {
            return try await withStartDeadline(limit, gate: gate) { [client] in
                try await client.withConnection { connection in
                    try await threads.runIfActive {
                        guard gate.start() else { throw StoreError.unavailable("no database connection within \(limit)") }
                        let left = max(deadline - ContinuousClock.now, .milliseconds(100))
                        let milliseconds = left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000
                        let tx = PostgresTransaction(connection: connection, logger: logger, answerDeadline: deadline + Self.answerGrace)
                        let timeLeft = String(milliseconds)
                        do {
                            // The start in one wait of this thread: BEGIN (transaction modes cannot be bound; these
                            // are havip's own constants) and both timeouts, set for this transaction only.
                            try tx.runAll([
                                "BEGIN ISOLATION LEVEL \(unescaped: isolation)\(unescaped: readOnly ? " READ ONLY" : "")",
                                "SELECT set_config('statement_timeout', \(timeLeft), true), set_config('lock_timeout', \(timeLeft), true)",
                            ])
                            let result = try body(tx)
                            _ = try tx.run("COMMIT")
                            return result
                        } catch {
                            if !connection.isClosed { _ = try? tx.run("ROLLBACK") }
                            throw error
                        }
                    }
                }
            }
        } catch let error as APIError {
            throw error
        } catch is CancellationError {
            throw StoreError.unavailable("cancelled")
        } catch {
            throw PostgresTransaction.storeError(error)
        }
    }

    /// How long after its deadline a transaction still waits for the database's answer (its own timeouts
    /// end statements at the deadline; this covers the answer's way back).
    static let answerGrace = Duration.seconds(1)
}

/// Whether a transaction began before its caller gave up waiting for a connection; exactly one side wins.
final class StartGate: Sendable {
    private enum State { case waiting, started, abandoned }
    private let state = Mutex(State.waiting)

    /// The transaction may begin (false: the caller has already been told the database is unavailable).
    func start() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .started
            return true
        }
    }

    /// The caller stops waiting (false: the transaction has already begun; wait for its outcome).
    func abandon() -> Bool {
        state.withLock { state in
            guard state == .waiting else { return false }
            state = .abandoned
            return true
        }
    }
}

/// Runs `operation`; fails with ``StoreError/unavailable(_:)`` if it has not started its transaction
/// (``StartGate/start()``) within `timeout`. Once it has started, waits for its outcome, whatever it is.
func withStartDeadline<T: Sendable>(
    _ timeout: Duration, gate: StartGate, _ operation: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: timeout)
            if gate.abandon() { throw StoreError.unavailable("no database connection within \(timeout)") }
            return nil
        }
        defer { group.cancelAll() }
        while let result = try await group.next() {
            if let result { return result }
        }
        throw StoreError.unavailable("no result")
    }
}

/// Control changes announced with `NOTIFY` on a channel of the store's schema and heard with `LISTEN` on a
/// pooled connection kept for it (postgres-nio's `listen(on:consume:)`).
extension PostgresStore: ChangeSignal {
    /// The channel: one per schema, so that nodes of different schemas on one database do not wake each other.
    var changeChannel: String { "havip_control" + (schema.map { "_" + $0 } ?? "") }

    public func announceChange() async throws {
        try await transaction(readOnly: false, isolation: "READ COMMITTED") { [changeChannel] tx in
            _ = try tx.run("SELECT pg_notify(\(changeChannel), '')")
        }
    }

    public func listenForChanges(_ onChange: @escaping @Sendable () async -> Void) async throws {
        do {
            try await client.withConnection { [changeChannel] connection in
                try await connection.listen(on: changeChannel) { notifications in
                    for try await _ in notifications { await onChange() }
                }
            }
        } catch where Task.isCancelled {
            return
        }
    }
}
