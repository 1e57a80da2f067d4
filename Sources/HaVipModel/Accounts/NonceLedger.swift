/// Where used signature nonces are remembered: in memory for one node (``NonceCache``), in the database
/// when several nodes must refuse each other's nonces.
public protocol NonceLedger: Sendable {
    /// Records `nonce` for `accessKeyId` until `expiresAt` (seconds since 1970). Returns false when it was
    /// already recorded and has not expired at `now`.
    func claim(nonce: String, accessKeyId: String, expiresAt: Int64, now: Int64) async throws -> Bool
}
