import HaVipModel
import Logging
import ServiceLifecycle

/// Keeps this node's ``FaultBook`` current, off the request path: it refreshes the book on every change
/// another node announces (``ChangeSignal``, when the store has one: PostgreSQL's `NOTIFY`), and polls the
/// faults' generation every `pollInterval` in case an announcement was missed. A fault added through any
/// node is therefore in force here within `pollInterval` plus one read, and usually within milliseconds.
struct FaultWatcher: Service {
    let book: FaultBook
    let store: any HaVipStore
    let pollInterval: Duration
    let logger: Logger

    /// Runs until the service group shuts down.
    func run() async throws {
        await refresh()
        do {
            try await cancelWhenGracefulShutdown {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { try await poll() }
                    if let signal = store as? any ChangeSignal { group.addTask { try await listen(signal) } }
                    try await group.next()
                    group.cancelAll()
                }
            }
        } catch is CancellationError {
            return
        }
    }

    private func poll() async throws {
        while true {
            try await Task.sleep(for: pollInterval)
            await refresh()
        }
    }

    /// Listens for announcements, listening again a moment after the connection fails.
    private func listen(_ signal: any ChangeSignal) async throws {
        while !Task.isCancelled {
            do {
                try await signal.listenForChanges { await refresh() }
            } catch {
                logger.debug("listening for control changes failed; listening again", metadata: ["error": "\(error)"])
            }
            try await Task.sleep(for: pollInterval)
        }
    }

    private func refresh() async {
        do {
            try await book.refresh()
        } catch {
            logger.debug("reading the faults failed; the next poll tries again", metadata: ["error": "\(error)"])
        }
    }
}
