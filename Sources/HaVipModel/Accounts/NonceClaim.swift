/// A signature nonce as the stores remember it: a fixed-size digest of (AccessKeyId, nonce), never the nonce
/// itself, so that a row or a cache entry costs the same whatever the client sent.
public struct NonceDigest: Sendable, Hashable {
    /// The digest's 16 bytes, big-endian in two halves.
    public let high: UInt64
    public let low: UInt64

    public init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The 32 lowercase hexadecimal digits the stores keep.
    public var hex: String {
        func padded(_ half: UInt64) -> String {
            let digits = String(half, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return padded(high) + padded(low)
    }
}

/// One use of a nonce to record: its digest, and the second (since 1970) from which it may be forgotten,
/// because the timestamp check refuses a replay of its request from then on.
public struct NonceClaim: Sendable, Hashable {
    public let digest: NonceDigest
    public let expiresAt: Int64

    public init(digest: NonceDigest, expiresAt: Int64) {
        self.digest = digest
        self.expiresAt = expiresAt
    }
}
