import HaVipServer
import Testing

@Suite struct NonceCacheTests {
    @Test func aNonceIsAcceptedOnceUntilItExpires() {
        let cache = NonceCache(capacity: 100)
        #expect(cache.claim(nonce: "n", accessKeyId: "k", expiresAt: 1_000, now: 100))
        #expect(!cache.claim(nonce: "n", accessKeyId: "k", expiresAt: 1_000, now: 200))
        #expect(cache.claim(nonce: "n", accessKeyId: "other", expiresAt: 1_000, now: 200))
        #expect(cache.claim(nonce: "n", accessKeyId: "k", expiresAt: 2_000, now: 1_001))
    }

    @Test func expiredBucketsAreDropped() {
        let cache = NonceCache(capacity: 1_000)
        for index in 0..<100 { #expect(cache.claim(nonce: "\(index)", accessKeyId: "k", expiresAt: 600, now: 0)) }
        #expect(cache.count == 100)
        #expect(cache.claim(nonce: "late", accessKeyId: "k", expiresAt: 2_000, now: 700))
        #expect(cache.count == 1)
    }

    @Test func memoryIsBoundedByDroppingTheOldestBucketFirst() {
        let cache = NonceCache(capacity: 10)
        for index in 0..<10 { _ = cache.claim(nonce: "old\(index)", accessKeyId: "k", expiresAt: 600, now: 0) }
        for index in 0..<5 { _ = cache.claim(nonce: "new\(index)", accessKeyId: "k", expiresAt: 1_200, now: 0) }
        #expect(cache.count <= 10)
        #expect(!cache.claim(nonce: "new0", accessKeyId: "k", expiresAt: 1_200, now: 0), "newer nonces survive")
    }
}
