/// Runs a transaction again when it lost a race (``StoreError/conflict(_:)``), a few times, then gives up
/// with `ServiceUnavailable` so that the client retries later.
public enum StoreRetry {
    public static let attempts = 8

    public static func onConflict<T>(_ transaction: () async throws -> T) async throws -> T {
        for attempt in 1..<attempts {
            do {
                return try await transaction()
            } catch StoreError.conflict {
                // Back off a little, with jitter, so that racing transactions stop meeting each other.
                try await Task.sleep(for: .milliseconds(Int.random(in: 1...(5 << min(attempt, 4)))))
            }
        }
        do {
            return try await transaction()
        } catch StoreError.conflict {
            throw APIError.serviceUnavailable
        }
    }
}
