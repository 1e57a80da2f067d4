import HaVipModel
import Logging
import Synchronization

/// This node's copy of the injected faults, so that checking a request costs no store round trip: the
/// faults and the generation (``FaultOperations/generation(_:)``) they were read at. ``refresh()`` reloads
/// them when the store's generation has moved on; ``FaultWatcher`` calls it on every change signal and
/// every poll, and the control endpoints call it after each change they make.
final class FaultBook: Sendable {
    private struct Copy {
        var generation = -1
        var faults: [InjectedFault] = []
    }

    private let store: any HaVipStore
    private let copy = Mutex(Copy())
    /// Whether any fault is in force: the one thing a request reads when there is none (an atomic load).
    private let anyFault = Atomic(false)

    init(store: any HaVipStore) {
        self.store = store
    }

    /// The faults in force, oldest first; empty (without taking the lock) when there are none.
    var faults: [InjectedFault] {
        guard anyFault.load(ordering: .acquiring) else { return [] }
        return copy.withLock { $0.faults }
    }

    /// The generation the copy was read at (-1 before the first read).
    var generation: Int { copy.withLock { $0.generation } }

    /// Reads the store's generation, and the faults when it differs from the copy's: one small read when
    /// nothing changed.
    func refresh() async throws {
        let known = generation
        let changed: (generation: Int, faults: [InjectedFault])? = try await store.read { tx in
            let generation = try FaultOperations.generation(tx)
            return generation == known ? nil : (generation, try FaultOperations.list(tx))
        }
        guard let changed else { return }
        copy.withLock { copy in
            // Two refreshes may race; the copy only moves forward.
            guard changed.generation > copy.generation else { return }
            copy.generation = changed.generation
            copy.faults = changed.faults
            anyFault.store(!changed.faults.isEmpty, ordering: .releasing)
        }
    }
}
