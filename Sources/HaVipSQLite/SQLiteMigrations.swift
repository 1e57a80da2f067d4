import GRDB
import HaVipSQL

/// The shared schema (``SQLSchema``) as GRDB named migrations: applied in order, each exactly once.
enum SQLiteMigrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        for migration in SQLSchema.migrations(for: .sqlite) {
            migrator.registerMigration(migration.name) { db in try db.execute(sql: migration.sql) }
        }
        return migrator
    }()
}
