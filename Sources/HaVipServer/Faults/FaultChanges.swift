import HaVipModel
import Logging

/// What follows a change of the faults made on this node (added, deleted, cleared, a count used up): this
/// node's ``FaultBook`` reloads at once, and the other nodes are told (``ChangeSignal``, when the store has
/// one; else they find it at their next poll, ``FaultWatcher``).
struct FaultChanges: Sendable {
    let book: FaultBook
    let store: any HaVipStore
    let logger: Logger

    func faultsChanged(announce: Bool = true) async {
        do {
            try await book.refresh()
            if announce { try await (store as? any ChangeSignal)?.announceChange() }
        } catch {
            logger.warning("a fault change could not be propagated at once; nodes poll for it", metadata: ["error": "\(error)"])
        }
    }
}
