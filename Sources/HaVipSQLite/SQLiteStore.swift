import Foundation
import GRDB
import HaVipModel

/// The embedded default store: one SQLite file in WAL mode (or an in-memory database for `--store memory`),
/// its schema built by the named, ordered migrations of ``SQLiteMigrations``.
public final class SQLiteStore: HaVipStore {
    /// How hard a commit is pushed to disk.
    public enum Durability: String, Sendable, CaseIterable {
        /// `synchronous=NORMAL`: a commit survives the process being killed (`kill -9`); the last commits
        /// before a power loss or OS crash may be lost (the database stays consistent). The default.
        case normal
        /// `synchronous=FULL`: every commit is fsynced before it is acknowledged; survives power loss.
        case full
    }

    public let kind: String
    let writer: any DatabaseWriter

    private init(kind: String, writer: any DatabaseWriter) throws {
        self.kind = kind
        self.writer = writer
        try SQLiteMigrations.migrator.migrate(writer)
    }

    /// Opens (creating it and its folder if needed) the database file at `path`.
    public convenience init(path: String, durability: Durability = .normal) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
        }
        try self.init(kind: "sqlite", writer: DatabasePool(path: path, configuration: configuration))
    }

    /// A private in-memory database, gone when the process ends.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(kind: "memory", writer: DatabaseQueue())
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await StoreRetry.onConflict { try await self.writer.write { db in try body(SQLiteTransaction(db: db)) } }
    }

    /// A read runs on one of GRDB's reader connections, on that reader's queue, in a snapshot of its own
    /// (``SQLiteTransaction/snapshot(_:_:)``). Reads on the calling thread (GRDB's synchronous read, or
    /// read-only connections of havip's own) cost 10–15% less CPU but doubled p99 at 16 connections: they
    /// hold the threads of Swift's cooperative pool that every request needs (bench/RESULTS.md).
    public func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await writer.unsafeRead { db in try SQLiteTransaction.snapshot(db, body) }
    }

    public func checkReady() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try SQLiteMigrations.migrator.appliedMigrations(db) }
    }

    public func close() async throws {
        if let pool = writer as? DatabasePool {
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }
}
