import GRDB

/// The schema, as named migrations applied in order, each exactly once.
enum SQLiteMigrations {
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001_service_metadata") { db in
            try db.create(table: "service_metadata") { table in
                table.primaryKey("key", .text)
                table.column("value", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO service_metadata(key, value) VALUES ('schema_created_at', datetime('now'))")
        }
        return migrator
    }()
}
