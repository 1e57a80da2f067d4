import GRDB
import HaVipSQL

/// The shared schema (``SQLSchema``) as GRDB named migrations: applied in order, each exactly once; then the
/// migrations of SQLite alone.
enum SQLiteMigrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in SQLSchema.migrations(for: .sqlite) {
            migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sql) }
        }
        // The nonce ledger is a file of its own (SQLiteNonceLedger); the shared schema's table stays PostgreSQL's.
        migrator.registerMigration("sqlite_001_signature_nonces_in_their_own_file") { db in
            try db.execute(sql: "DROP TABLE signature_nonces")
        }
        return migrator
    }()
}
