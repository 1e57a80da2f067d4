import HaVipModel

/// A store whose every read, write, nonce claim and readiness check throws `error`: how the server answers a store
/// that is down or broken.
struct FailingStore: HaVipStore {
    let error: any Error

    var kind: String { "failing" }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { throw error }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { throw error }

    func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] { throw error }

    func forgetNonces(expiredBy now: Int64) async throws -> Int { throw error }

    func checkReady() async throws { throw error }

    func appliedMigrations() async throws -> [String] { [] }

    func close() async throws {}
}
