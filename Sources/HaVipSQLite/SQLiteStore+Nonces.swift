import HaVipModel

/// The nonce ledger (``SQLiteNonceLedger``): a batch of claims is one write transaction (one commit for all
/// of them), so a nonce granted survives a restart and `kill -9` (and, with `--sqlite-sync full`, a power loss).
extension SQLiteStore {
    public func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
        guard !claims.isEmpty else { return [] }
        return try await nonceLedger().claim(claims, now: now)
    }

    @discardableResult
    public func forgetNonces(expiredBy now: Int64) async throws -> Int {
        try await nonceLedger().forget(expiredBy: now)
    }
}
