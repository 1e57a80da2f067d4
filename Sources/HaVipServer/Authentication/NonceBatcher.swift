import HaVipModel
import Synchronization

/// Gathers the nonce claims of concurrent requests into batches for ``HaVipStore/claimNonces(_:now:)``: one
/// batch is in the store at a time, and the claims that arrive meanwhile wait and go together in the next
/// (group commit). A request that finds the store idle writes its claim itself, on its own task: a lone
/// request pays one store write and no hand-off to another task. The claims that queued behind it are
/// written by a flush task, batch after batch until nobody waits. Each caller waits until its own claim is
/// durable, or fails with the batch it was in or queued behind.
final class NonceBatcher: Sendable {
    private typealias Waiter = (claim: NonceClaim, answer: CheckedContinuation<Bool, any Error>)

    private struct State {
        var waiting: [Waiter] = []
        /// A claim or a batch is in the store.
        var flushing = false
    }

    /// The most claims one batch holds (one statement on PostgreSQL, one transaction on SQLite).
    static let maximumBatch = 512

    private let store: any HaVipStore
    private let clock: any WallClock
    private let state = Mutex(State())

    init(store: any HaVipStore, clock: any WallClock) {
        self.store = store
        self.clock = clock
    }

    /// Whether the store granted `claim` (false: a live record of the nonce exists).
    func claim(_ claim: NonceClaim) async throws -> Bool {
        let writesItself = state.withLock { state in
            if state.flushing { return false }
            state.flushing = true
            return true
        }
        guard writesItself else { return try await queue(claim) }
        do {
            let granted = try await store.claimNonces([claim], now: Int64(clock.now()))
            handOffQueued()
            return granted[0]
        } catch {
            failQueued(error)
            throw error
        }
    }

    /// Waits in the queue for a flush (starting one if the store has become idle meanwhile).
    private func queue(_ claim: NonceClaim) async throws -> Bool {
        try await withCheckedThrowingContinuation { answer in
            let lead = state.withLock { state in
                state.waiting.append((claim, answer))
                if state.flushing { return false }
                state.flushing = true
                return true
            }
            if lead { Task { await self.flush() } }
        }
    }

    /// After a claim written by its own request: a flush task for the claims that queued meanwhile, or idle.
    private func handOffQueued() {
        let flush = state.withLock { state in
            if state.waiting.isEmpty { state.flushing = false }
            return state.flushing
        }
        if flush { Task { await self.flush() } }
    }

    /// The claims that queued behind a failed write fail with it: the store has just failed to answer within
    /// its deadline, and making them wait for a deadline of their own would double the time a request waits
    /// in an outage.
    private func failQueued(_ error: any Error) {
        let queued: [Waiter] = state.withLock { state in
            defer {
                state.waiting.removeAll()
                state.flushing = false
            }
            return state.waiting
        }
        for waiter in queued { waiter.answer.resume(throwing: error) }
    }

    /// Writes batches until nobody waits.
    private func flush() async {
        while true {
            let batch: [Waiter] = state.withLock { state in
                let batch = Array(state.waiting.prefix(Self.maximumBatch))
                state.waiting.removeFirst(batch.count)
                if batch.isEmpty { state.flushing = false }
                return batch
            }
            if batch.isEmpty { return }
            do {
                let granted = try await store.claimNonces(batch.map(\.claim), now: Int64(clock.now()))
                for (waiter, accepted) in zip(batch, granted) { waiter.answer.resume(returning: accepted) }
            } catch {
                for waiter in batch { waiter.answer.resume(throwing: error) }
                failQueued(error)
                return
            }
        }
    }
}
