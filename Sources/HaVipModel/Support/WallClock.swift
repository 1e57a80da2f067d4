import Foundation
import Synchronization

/// Where time comes from, injected so that tests and status transitions are exact.
public protocol WallClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z.
    func now() -> Double
}

/// The system clock.
public struct SystemClock: WallClock {
    public init() {}

    public func now() -> Double { Date().timeIntervalSince1970 }
}

/// A clock that moves only when told, for tests.
public final class ManualClock: WallClock {
    private let current: Mutex<Double>

    public init(_ start: Double = 1_704_110_400) {  // 2024-01-01T12:00:00Z
        self.current = Mutex(start)
    }

    public func now() -> Double { current.withLock { $0 } }

    public func advance(by seconds: Double) { current.withLock { $0 += seconds } }

    public func set(_ seconds: Double) { current.withLock { $0 = seconds } }
}
