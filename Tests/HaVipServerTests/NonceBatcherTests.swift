import HaVipModel
import Synchronization
import Testing

@testable import HaVipServer

/// ``NonceBatcher`` in an outage: a claim queued behind a batch that fails fails with it, without a store call
/// (and so without a store deadline) of its own.
@Suite struct NonceBatcherTests {
    struct StoreDown: Error, Equatable {}

    /// A store whose first nonce claim waits until the test opens the gate; every claim fails; it counts them.
    final class HeldFailingStore: HaVipStore, Sendable {
        let calls = Atomic<Int>(0)
        let gate = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let entered = Atomic<Bool>(false)
        let down = FailingStore(error: StoreDown())

        var kind: String { "held" }

        func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
            // Only the first call is held: a later one (a claim that was not queued in time) fails at once.
            guard calls.add(1, ordering: .sequentiallyConsistent).newValue == 1 else { throw StoreDown() }
            await withCheckedContinuation { continuation in
                gate.withLock { $0 = continuation }
                entered.store(true, ordering: .sequentiallyConsistent)
            }
            throw StoreDown()
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

    @Test func claimsQueuedBehindAFailedBatchFailWithItWithoutAStoreCallOfTheirOwn() async throws {
        let store = HeldFailingStore()
        let batcher = NonceBatcher(store: store, clock: SystemClock())
        let first = Task { try await batcher.claim(Self.claim(1)) }
        while !store.entered.load(ordering: .sequentiallyConsistent) { await Task.yield() }
        // The first batch is in the store; these queue behind it.
        let queued = (2...4).map { n in Task { try await batcher.claim(Self.claim(n)) } }
        try await Task.sleep(for: .milliseconds(200))
        store.open()
        for task in [first] + queued {
            await #expect(throws: StoreDown.self) { _ = try await task.value }
        }
        #expect(store.calls.load(ordering: .sequentiallyConsistent) == 1)
    }

    /// A store that grants every claim, records the size of each batch, and holds the first call until opened.
    final class HeldGrantingStore: HaVipStore, Sendable {
        let batches = Mutex<[Int]>([])
        let gate = Mutex<CheckedContinuation<Void, Never>?>(nil)
        let entered = Atomic<Bool>(false)
        let down = FailingStore(error: StoreDown())

        var kind: String { "held" }

        func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
            let first = batches.withLock { batches in
                batches.append(claims.count)
                return batches.count == 1
            }
            if first {
                await withCheckedContinuation { continuation in
                    gate.withLock { $0 = continuation }
                    entered.store(true, ordering: .sequentiallyConsistent)
                }
            }
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

    /// A claim that finds the store idle goes alone; the claims that arrive while it is in the store go
    /// together in one batch, each answered with its own outcome; then the batcher is idle again.
    @Test func claimsArrivingWhileOneIsInTheStoreGoTogetherInTheNextBatch() async throws {
        let store = HeldGrantingStore()
        let batcher = NonceBatcher(store: store, clock: SystemClock())
        let first = Task { try await batcher.claim(Self.claim(1)) }
        while !store.entered.load(ordering: .sequentiallyConsistent) { await Task.yield() }
        let queued = (2...4).map { n in Task { try await batcher.claim(Self.claim(UInt64(n))) } }
        try await Task.sleep(for: .milliseconds(200))
        store.open()
        #expect(try await first.value)
        var answers: [Bool] = []
        for task in queued { answers.append(try await task.value) }
        #expect(answers == [false, true, false])
        #expect(try await batcher.claim(Self.claim(5)))
        #expect(store.batches.withLock { $0 } == [1, 3, 1])
    }
}
