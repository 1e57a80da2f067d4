import HaVipModel
import Synchronization

/// This node's memory of the nonces it has seen, in front of the store's ledger: a replay it remembers is
/// refused without a store round trip, and two requests racing with one nonce reach the store once.
///
/// An entry is a ``NonceDigest`` (16 bytes) and its expiry, whatever the length of the client's nonce, in
/// one-minute buckets by expiry; expired buckets are dropped, and when more than `capacity` entries are held
/// the bucket that expires first is dropped early. Forgetting early costs a store round trip, never a replay
/// let through: the store keeps every nonce until it expires.
public final class NonceCache: Sendable {
    private struct State {
        var expiryByDigest: [NonceDigest: Int64] = [:]
        var digestsByMinute: [Int64: [NonceDigest]] = [:]
        var oldestMinute: Int64 = .max
    }

    /// An upper bound of the bytes one entry takes (the dictionary's slot at its lowest load, the bucket
    /// array's slot at its largest spare capacity): `capacity` times this bounds the cache.
    public static let bytesPerEntry = 96

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// Records `digest` until `expiresAt` (seconds since 1970). Returns false when it is held and has not
    /// expired at `now`.
    public func claim(_ digest: NonceDigest, expiresAt: Int64, now: Int64) -> Bool {
        state.withLock { state in
            Self.dropExpired(&state, now: now)
            if let expiry = state.expiryByDigest[digest], expiry > now { return false }
            state.expiryByDigest[digest] = expiresAt
            let minute = expiresAt / 60
            state.digestsByMinute[minute, default: []].append(digest)
            state.oldestMinute = min(state.oldestMinute, minute)
            while state.expiryByDigest.count > capacity, Self.dropOldestBucket(&state) {}
            return true
        }
    }

    /// Forgets `digest` (its claim could not be recorded in the store, so it was never used).
    public func release(_ digest: NonceDigest) {
        _ = state.withLock { $0.expiryByDigest.removeValue(forKey: digest) }
    }

    /// How many nonces are held now.
    public var count: Int { state.withLock { $0.expiryByDigest.count } }

    private static func dropExpired(_ state: inout State, now: Int64) {
        while state.oldestMinute < now / 60, dropOldestBucket(&state) {}
    }

    @discardableResult
    private static func dropOldestBucket(_ state: inout State) -> Bool {
        guard let minute = state.digestsByMinute.keys.min() else {
            state.oldestMinute = .max
            return false
        }
        for digest in state.digestsByMinute.removeValue(forKey: minute) ?? [] where (state.expiryByDigest[digest] ?? .max) / 60 == minute {
            state.expiryByDigest.removeValue(forKey: digest)
        }
        state.oldestMinute = state.digestsByMinute.keys.min() ?? .max
        return true
    }
}
