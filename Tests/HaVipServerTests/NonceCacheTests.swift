import HaVipModel
@testable import HaVipServer
import Testing

@Suite struct NonceCacheTests {
    static func digest(_ text: String, key: String = "k") -> NonceDigest { NonceLedger.digest(nonce: text, accessKeyId: key) }

    @Test func aNonceIsAcceptedOnceUntilItExpires() {
        let cache = NonceCache(capacity: 100)
        #expect(cache.claim(Self.digest("n"), expiresAt: 1_000, now: 100))
        #expect(!cache.claim(Self.digest("n"), expiresAt: 1_000, now: 200))
        #expect(cache.claim(Self.digest("n", key: "other"), expiresAt: 1_000, now: 200))
        #expect(cache.claim(Self.digest("n"), expiresAt: 2_000, now: 1_001))
    }

    @Test func aReleasedNonceCanBeClaimedAgain() {
        let cache = NonceCache(capacity: 100)
        #expect(cache.claim(Self.digest("n"), expiresAt: 1_000, now: 100))
        cache.release(Self.digest("n"))
        #expect(cache.claim(Self.digest("n"), expiresAt: 1_000, now: 100))
    }

    @Test func expiredBucketsAreDropped() {
        let cache = NonceCache(capacity: 1_000)
        for index in 0..<100 { #expect(cache.claim(Self.digest("\(index)"), expiresAt: 600, now: 0)) }
        #expect(cache.count == 100)
        #expect(cache.claim(Self.digest("late"), expiresAt: 2_000, now: 700))
        #expect(cache.count == 1)
    }

    @Test func memoryIsBoundedByDroppingTheOldestBucketFirst() {
        let cache = NonceCache(capacity: 10)
        for index in 0..<10 { _ = cache.claim(Self.digest("old\(index)"), expiresAt: 600, now: 0) }
        for index in 0..<5 { _ = cache.claim(Self.digest("new\(index)"), expiresAt: 1_200, now: 0) }
        #expect(cache.count <= 10)
        #expect(!cache.claim(Self.digest("new0"), expiresAt: 1_200, now: 0), "newer nonces survive")
    }

    /// The digest is what is kept: a 70 KB nonce costs an entry what a UUID does.
    @Test func anEntryIsADigestWhateverTheNonceLength() {
        let long = String(repeating: "x", count: 70_000)
        #expect(Self.digest(long) != Self.digest(long + "x"))
        #expect(Self.digest("ab", key: "k") != Self.digest("b", key: "ka"), "the key and the nonce are separated")
        #expect(MemoryLayout<NonceDigest>.size == 16)
    }
}
