import Crypto
import HaVipModel

/// Where the authenticator records each request's nonce: the node's ``NonceCache`` in front, the store behind
/// it (``HaVipStore/claimNonces(_:now:)``, batched by ``NonceBatcher``), so that a nonce used once is refused
/// on every node sharing the store and after a restart, until its window closes.
struct NonceLedger: Sendable {
    let cache: NonceCache
    let batcher: NonceBatcher

    init(store: any HaVipStore, clock: any WallClock, capacity: Int) {
        cache = NonceCache(capacity: capacity)
        batcher = NonceBatcher(store: store, clock: clock)
    }

    /// Records `nonce` for `accessKeyId` until `expiresAt` (seconds since 1970). Returns false when it is
    /// already recorded and has not expired at `now` (a replay). The claim is durable when this returns true.
    func claim(nonce: String, accessKeyId: String, expiresAt: Int64, now: Int64) async throws -> Bool {
        let digest = Self.digest(nonce: nonce, accessKeyId: accessKeyId)
        guard cache.claim(digest, expiresAt: expiresAt, now: now) else { return false }
        do {
            // A refusal stays in the cache: the nonce is used (through another node, or before a restart).
            return try await batcher.claim(NonceClaim(digest: digest, expiresAt: expiresAt))
        } catch {
            cache.release(digest)
            throw error
        }
    }

    /// The first 16 bytes of SHA-256(AccessKeyId, a zero byte, nonce): an AccessKeyId holds no zero byte, so
    /// no two (key, nonce) pairs share the hashed text.
    static func digest(nonce: String, accessKeyId: String) -> NonceDigest {
        var hasher = SHA256()
        hasher.update(data: Array(accessKeyId.utf8))
        hasher.update(data: [0])
        hasher.update(data: Array(nonce.utf8))
        return hasher.finalize().withUnsafeBytes { bytes in
            NonceDigest(
                high: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
                low: UInt64(bigEndian: bytes.loadUnaligned(fromByteOffset: 8, as: UInt64.self)))
        }
    }
}
