import HaVipModel
import HaVipSQL
import PostgresNIO

/// The nonce ledger in the shared database, so that a nonce used on one node is refused on every other: a
/// batch of claims is one statement (`INSERT … SELECT FROM unnest(…) ON CONFLICT`) in one transaction, on the
/// `UNLOGGED` table of migration `008_signature_nonces`.
extension PostgresStore {
    public func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
        guard !claims.isEmpty else { return [] }
        // One statement may not touch a row twice: a digest repeated in the batch is granted at most once.
        var firstIndex: [NonceDigest: Int] = [:]
        for (index, claim) in claims.enumerated() where firstIndex[claim.digest] == nil { firstIndex[claim.digest] = index }
        let distinct = firstIndex.values.sorted().map { claims[$0] }
        let digests = distinct.map(\.digest.hex)
        let expiries = distinct.map(\.expiresAt)
        let granted = try await transaction(readOnly: false, isolation: "READ COMMITTED") { tx in
            var bindings = PostgresBindings()
            bindings.append(digests)
            bindings.append(expiries)
            bindings.append(now)
            return Set(try tx.run(PostgresQuery(unsafeSQL: SQLNonces.claimMany, binds: bindings)).map { try $0.decode(String.self) })
        }
        return claims.enumerated().map { index, claim in firstIndex[claim.digest] == index && granted.contains(claim.digest.hex) }
    }

    @discardableResult
    public func forgetNonces(expiredBy now: Int64) async throws -> Int {
        try await transaction(readOnly: false, isolation: "READ COMMITTED") { tx in
            try tx.run(PostgresQuery(unsafeSQL: SQLNonces.forget(.postgres) + " RETURNING 1", binds: {
                var bindings = PostgresBindings()
                bindings.append(now)
                return bindings
            }())).count
        }
    }
}
