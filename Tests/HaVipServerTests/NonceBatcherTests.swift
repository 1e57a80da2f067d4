import HaVipModel
import Synchronization
import Testing

@testable import HaVipServer

/// ``NonceBatcher``: a claim that finds the store idle goes alone, the claims that arrive meanwhile go together
/// in the next batch; in an outage, a claim queued behind a batch that fails fails with it, without a store
/// call (and so without a store deadline) of its own.
@Suite struct NonceBatcherTests {
    struct StoreDown: Error, Equatable {}

    /// A store whose first nonce claim waits until the test opens the gate. It records the size of each batch,
    /// and either grants the claims of odd digests only or fails every claim (`down`).
    final class HeldStore: HaVipStore, Sendable {
        let failsClaims: Bool
        let batches = Mutex<[Int]>([])
        let gate = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let entered = Atomic<Bool>(false)
        let down = FailingStore(error: StoreDown())

        init(failsClaims: Bool) { self.failsClaims = failsClaims }

        var kind: String { "held" }

        func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
            let first = batches.withLock { batches in
                batches.append(claims.count)
                return batches.count == 1
            }
            // Only the first call is held: a later one (a claim that was not queued in time) answers at once.
            if first {
                await withCheckedContinuation { continuation in
                    gate.withLock { $0 = continuation }
                    entered.store(true, ordering: .sequentiallyConsistent)
                }
            }
            if failsClaims { throw StoreDown() }
            return claims.map { $0.digest.low % 2 == 1 }
        }

        func open() { gate.withLock { $0?.resume(); $0 = nil } }

        func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { try await down.write(body) }
        func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { try await down.read(body) }
        func forgetNonces(expiredBy now: Int64) async throws -> Int { try await down.forgetNonces(expiredBy: now) }
        func checkReady() async throws { try await down.checkReady() }
        func appliedMigrations() async throws -> [String] { [] }
        func close() async throws {}
    }

    static func claim(_ n: UInt64) -> NonceClaim { NonceClaim(digest: NonceDigest(high: n, low: n), expiresAt: 1_000) }

    /// Claims 1 (held in the store) and 2, 3 and 4 (queued behind it); the store is opened once they queued.
    static func claimOneThenThreeQueued(_ batcher: NonceBatcher, _ store: HeldStore) async throws -> [Task<Bool, any Error>] {
        let first = Task { try await batcher.claim(Self.claim(1)) }
        while !store.entered.load(ordering: .sequentiallyConsistent) { await Task.yield() }
        let queued = (2...4).map { n in Task { try await batcher.claim(Self.claim(UInt64(n))) } }
        try await Task.sleep(for: .milliseconds(200))
        store.open()
        return [first] + queued
    }

    @Test func claimsQueuedBehindAFailedBatchFailWithItWithoutAStoreCallOfTheirOwn() async throws {
        let store = HeldStore(failsClaims: true)
        let batcher = NonceBatcher(store: store, clock: SystemClock())
        for task in try await Self.claimOneThenThreeQueued(batcher, store) {
            await #expect(throws: StoreDown.self) { _ = try await task.value }
        }
        #expect(store.batches.withLock { $0 } == [1])
    }

    /// A claim that finds the store idle goes alone; the claims that arrive while it is in the store go
    /// together in one batch, each answered with its own outcome; then the batcher is idle again.
    @Test func claimsArrivingWhileOneIsInTheStoreGoTogetherInTheNextBatch() async throws {
        let store = HeldStore(failsClaims: false)
        let batcher = NonceBatcher(store: store, clock: SystemClock())
        var answers: [Bool] = []
        for task in try await Self.claimOneThenThreeQueued(batcher, store) { answers.append(try await task.value) }
        #expect(answers == [true, false, true, false])
        #expect(try await batcher.claim(Self.claim(5)))
        #expect(store.batches.withLock { $0 } == [1, 3, 1])
    }
}
