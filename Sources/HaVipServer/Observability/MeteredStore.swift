import HaVipModel
import Synchronization

/// The store as the routes use it: each transaction timed and its conflict retries counted
/// (``ServerMetrics/transactionFinished(_:seconds:retries:)``). A store runs a transaction's body again after
/// a conflict, so the runs of the body, less one, are its retries. Lifecycle, fault watching and the
/// database's change signal keep the store itself.
struct MeteredStore: HaVipStore {
    let store: any HaVipStore
    let metrics: ServerMetrics

    var kind: String { store.kind }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await measured(.write) { runs in try await store.write { tx in runs.count(); return try body(tx) } }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await measured(.read) { runs in try await store.read { tx in runs.count(); return try body(tx) } }
    }

    func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] { try await store.claimNonces(claims, now: now) }

    func forgetNonces(expiredBy now: Int64) async throws -> Int { try await store.forgetNonces(expiredBy: now) }

    func checkReady() async throws { try await store.checkReady() }

    func appliedMigrations() async throws -> [String] { try await store.appliedMigrations() }

    func close() async throws { try await store.close() }

    private func measured<T>(_ kind: StoreTransactionKind, _ transaction: (Runs) async throws -> T) async throws -> T {
        let runs = Runs()
        let started = ContinuousClock.now
        defer {
            let elapsed = (ContinuousClock.now - started).components
            metrics.transactionFinished(
                kind, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18,
                retries: max(0, runs.value - 1))
        }
        return try await transaction(runs)
    }
}

/// How many times a transaction's body ran (on the store's thread).
final class Runs: Sendable {
    private let runs = Atomic(0)

    func count() { runs.add(1, ordering: .relaxed) }

    var value: Int { runs.load(ordering: .relaxed) }
}
