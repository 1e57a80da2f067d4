import HaVipModel

/// The statements of the nonce ledger (``HaVipStore/claimNonces(_:now:)``). The table is migration
/// `008_signature_nonces`'s on PostgreSQL, and the nonce file's own on SQLite (`SQLiteNonceLedger`, the digest
/// a 16-byte `BLOB` there, swept in slices by a statement of its own).
public enum SQLNonces {
    /// Claims one nonce, binding its digest, its expiry and the current second: inserts it, or takes over a
    /// row whose expiry has passed (not yet forgotten); a live row is left alone. It changes one row exactly
    /// when the claim is granted.
    public static func claim(_ dialect: SQLDialect) -> String {
        let (digest, expiry, now) = (dialect.placeholder(1), dialect.placeholder(2), dialect.placeholder(3))
        return """
            INSERT INTO signature_nonces (digest, expires_at) VALUES (\(digest), \(expiry))
            ON CONFLICT (digest) DO UPDATE SET expires_at = excluded.expires_at WHERE signature_nonces.expires_at <= \(now)
            """
    }

    /// Claims many nonces in one statement (PostgreSQL): binds an array of digests, an array of expiries and
    /// the current second; returns the digests granted. The digests must be distinct.
    public static let claimMany = """
        INSERT INTO signature_nonces (digest, expires_at) SELECT * FROM unnest($1::text[], $2::bigint[])
        ON CONFLICT (digest) DO UPDATE SET expires_at = excluded.expires_at WHERE signature_nonces.expires_at <= $3
        RETURNING digest
        """

    /// Forgets every nonce whose expiry is the bound second or earlier.
    public static func forget(_ dialect: SQLDialect) -> String {
        "DELETE FROM signature_nonces WHERE expires_at <= \(dialect.placeholder(1))"
    }
}
