import HaVipModel
import Logging
import ServiceLifecycle

/// Deletes the store's expired nonces every `interval`, off the request path (every node does; the deletes
/// are idempotent). The table then holds about one timestamp window's requests (15 to 30 minutes' worth).
struct NonceSweeper: Service {
    let store: any HaVipStore
    let clock: any WallClock
    let interval: Duration
    let logger: Logger

    func run() async throws {
        do {
            try await cancelWhenGracefulShutdown {
                while true {
                    do {
                        try await store.forgetNonces(expiredBy: Int64(clock.now()))
                    } catch {
                        logger.debug("forgetting expired nonces failed; the next sweep tries again", metadata: ["error": "\(error)"])
                    }
                    try await Task.sleep(for: interval)
                }
            }
        } catch is CancellationError {
            return
        }
    }
}
