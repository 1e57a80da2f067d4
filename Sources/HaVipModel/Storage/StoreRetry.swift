/// Runs a transaction again when it lost a race (``StoreError/conflict(_:)``), a few times, then gives up
/// with `ServiceUnavailable` so that the client retries later.
public enum StoreRetry {
    public static let attempts = 8

    public static func onConflict<T>(_ transaction: () async throws -> T) async throws -> T {
        for _ in 1..<attempts {
            do {
                return try await transaction()
            } catch StoreError.conflict {
                continue
            }
        }
        do {
            return try await transaction()
        } catch StoreError.conflict {
            throw APIError.serviceUnavailable
        }
    }
}
