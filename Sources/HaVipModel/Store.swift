/// Where havip keeps its state. One implementation per database (SQLite embedded, PostgreSQL for
/// several nodes); every operation is one transaction (``write(_:)``), and every query is scoped by
/// account through ``Query/account``.
public protocol HaVipStore: Sendable {
    /// A short name for logs and the health answer, e.g. `sqlite` or `memory`.
    var kind: String { get }

    /// Runs `body` in one read-write transaction; commits when it returns, rolls back when it throws.
    /// When a write conflicts with a concurrent transaction (``StoreError/conflict(_:)``), the store runs
    /// `body` again on fresh state, so `body` must have no effect outside the transaction.
    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T

    /// Runs `body` on a consistent snapshot, without writing.
    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T

    /// Records used signature nonces, each until its expiry, where every node on the store and every later
    /// run sees them: answers, for each claim in order, true when the nonce was free (it is now held) and
    /// false when a record of it has not expired at `now` (a replay). A claim is durable when this returns.
    /// Claims are independent: one refused does not undo the others.
    func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool]

    /// Forgets the nonces whose expiry is `now` or earlier; answers how many.
    @discardableResult
    func forgetNonces(expiredBy now: Int64) async throws -> Int

    /// Succeeds when the store can answer queries (its schema is migrated and a trivial query runs).
    func checkReady() async throws

    /// The names of the applied schema migrations, oldest first.
    func appliedMigrations() async throws -> [String]

    /// Releases the database; called once at shutdown.
    func close() async throws
}
