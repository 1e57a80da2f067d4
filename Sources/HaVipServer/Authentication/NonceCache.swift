import HaVipModel
import Synchronization

/// Remembers signature nonces so that each is accepted once while its request's timestamp is inside the
/// 15-minute window. Memory is bounded: entries live in one-minute buckets by expiry, expired buckets are
/// dropped, and when more than `capacity` nonces are held the oldest bucket is dropped early.
public final class NonceCache: NonceLedger {
    private struct State {
        var expiryByKey: [String: Int64] = [:]
        var keysByMinute: [Int64: [String]] = [:]
        var oldestMinute: Int64 = .max
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int = 2_000_000) {
        self.capacity = capacity
    }

    /// Records `nonce` for `accessKeyId` until `expiresAt` (seconds since 1970). Returns false when it was
    /// already recorded and has not expired at `now`.
    public func claim(nonce: String, accessKeyId: String, expiresAt: Int64, now: Int64) -> Bool {
        let key = accessKeyId + "\u{0}" + nonce
        return state.withLock { state in
            Self.dropExpired(&state, now: now)
            if let expiry = state.expiryByKey[key], expiry > now { return false }
            state.expiryByKey[key] = expiresAt
            let minute = expiresAt / 60
            state.keysByMinute[minute, default: []].append(key)
            state.oldestMinute = min(state.oldestMinute, minute)
            while state.expiryByKey.count > capacity, Self.dropOldestBucket(&state) {}
            return true
        }
    }

    /// How many nonces are held now.
    public var count: Int { state.withLock { $0.expiryByKey.count } }

    private static func dropExpired(_ state: inout State, now: Int64) {
        while state.oldestMinute < now / 60, dropOldestBucket(&state) {}
    }

    @discardableResult
    private static func dropOldestBucket(_ state: inout State) -> Bool {
        guard let minute = state.keysByMinute.keys.min() else {
            state.oldestMinute = .max
            return false
        }
        for key in state.keysByMinute.removeValue(forKey: minute) ?? [] where (state.expiryByKey[key] ?? .max) / 60 == minute {
            state.expiryByKey.removeValue(forKey: key)
        }
        state.oldestMinute = state.keysByMinute.keys.min() ?? .max
        return true
    }
}
