import GRDB
import HaVipModel
import HaVipSQL

/// The nonce ledger in the database file: a batch of claims is one write transaction (one commit for all of
/// them), so a nonce granted survives a restart and `kill -9` (and, with `--sqlite-sync full`, a power loss).
extension SQLiteStore {
    private static let claimSQL = SQLNonces.claim(.sqlite)
    private static let forgetSQL = SQLNonces.forget(.sqlite)

    public func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
        guard !claims.isEmpty else { return [] }
        return try await writer.write { db in
            let statement = try db.cachedStatement(sql: Self.claimSQL)
            return try claims.map { claim in
                try statement.execute(arguments: [claim.digest.hex, claim.expiresAt, now])
                return db.changesCount == 1
            }
        }
    }

    @discardableResult
    public func forgetNonces(expiredBy now: Int64) async throws -> Int {
        try await writer.write { db in
            try db.execute(sql: Self.forgetSQL, arguments: [now])
            return db.changesCount
        }
    }
}
