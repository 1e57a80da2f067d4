import HaVipModel
import Synchronization

/// `--rate-limit N`: at most N requests a second per AccessKey on this node (a token bucket of N tokens,
/// refilled continuously, so a burst of N passes at once); the request over it is answered `Throttling.User`.
/// The buckets are this node's: behind a load balancer, each node allows N.
///
/// Memory is bounded: a bucket that has refilled is the same as no bucket, so when more than
/// ``maximumBuckets`` are held the full ones are dropped (what `--auth permissive`'s unknown keys could grow).
final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updatedAt: Double
    }

    static let maximumBuckets = 10_000

    let requestsPerSecond: Double
    private let clock: any WallClock
    private let buckets = Mutex([String: Bucket]())

    init(requestsPerSecond: Int, clock: any WallClock) {
        self.requestsPerSecond = Double(requestsPerSecond)
        self.clock = clock
    }

    /// Takes a token of `accessKeyId`'s bucket; false when it has none (the request is throttled).
    func allow(_ accessKeyId: String) -> Bool {
        let now = clock.now()
        return buckets.withLock { buckets in
            var bucket = buckets[accessKeyId] ?? Bucket(tokens: requestsPerSecond, updatedAt: now)
            bucket.tokens = min(requestsPerSecond, bucket.tokens + max(0, now - bucket.updatedAt) * requestsPerSecond)
            bucket.updatedAt = now
            let allowed = bucket.tokens >= 1
            if allowed { bucket.tokens -= 1 }
            buckets[accessKeyId] = bucket
            if buckets.count > Self.maximumBuckets {
                let rate = requestsPerSecond
                buckets = buckets.filter { $0.value.tokens + (now - $0.value.updatedAt) * rate < rate }
            }
            return allowed
        }
    }
}
