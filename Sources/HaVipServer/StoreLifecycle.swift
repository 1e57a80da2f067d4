import HaVipModel
import Logging
import ServiceLifecycle

/// Closes the store once the server has drained (the server is shut down first: it is started last).
struct StoreLifecycle: Service {
    let store: any HaVipStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await store.close()
        } catch {
            logger.error("closing the store failed", metadata: ["error": "\(error)"])
        }
    }
}
