import Foundation

/// Where request and resource IDs come from, injected so that tests are exact.
public protocol IDGenerator: Sendable {
    /// An uppercase UUID such as `C44F62BE-9CE7-4277-B117-69243F3988BF`.
    func requestId() -> String
}

/// Random IDs.
public struct RandomIDGenerator: IDGenerator {
    public init() {}

    public func requestId() -> String { UUID().uuidString.uppercased() }
}

/// Sequential IDs, for tests: `00000000-0000-4000-8000-000000000001`, …
public final class SequentialIDGenerator: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var counter: UInt64 = 0

    public init() {}

    public func requestId() -> String {
        let next = lock.withLock {
            counter += 1
            return counter
        }
        let digits = String(next, radix: 16, uppercase: true)
        return "00000000-0000-4000-8000-" + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
