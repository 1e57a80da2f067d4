import Foundation
import GRDB
import HaVipModel
import Synchronization

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
    /// The file store's own read-only connections (nil for the in-memory store, read through GRDB).
    private let readers: ReaderConnections?
    /// The nonce ledger once opened (``nonceLedger()``), and how to open it.
    private let ledger = Mutex<SQLiteNonceLedger?>(nil)
    private let openLedger: @Sendable () throws -> SQLiteNonceLedger

    private init(
        kind: String, writer: any DatabaseWriter, readers: ReaderConnections? = nil,
        openLedger: @escaping @Sendable () throws -> SQLiteNonceLedger
    ) throws {
        self.kind = kind
        self.writer = writer
        self.readers = readers
        self.openLedger = openLedger
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
        try self.init(
            kind: "sqlite", writer: DatabasePool(path: path, configuration: configuration),
            readers: ReaderConnections(path: path),
            openLedger: { try SQLiteNonceLedger(path: path + "-nonces", durability: durability) })
    }

    /// A private in-memory database, gone when the process ends.
    public static func inMemory() throws -> SQLiteStore {
        try SQLiteStore(kind: "memory", writer: DatabaseQueue(), openLedger: { try SQLiteNonceLedger() })
    }

    /// The nonce ledger, opened at its first use, so that a process that never checks a signature (`havip
    /// seed`) leaves a served file's ledger alone; `havip serve` opens it before its first request
    /// (``openNonceLedger()``) and refuses to start when another process holds it.
    func nonceLedger() throws -> SQLiteNonceLedger {
        try ledger.withLock { ledger in
            if let ledger { return ledger }
            let opened = try openLedger()
            ledger = opened
            return opened
        }
    }

    /// Opens the nonce ledger now (see ``nonceLedger()``); throws when another process holds it.
    public func openNonceLedger() throws {
        _ = try nonceLedger()
    }

    public func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await StoreRetry.onConflict { try await self.writer.write { db in try body(SQLiteTransaction(db: db)) } }
    }

    /// A read runs on one of the store's own reader connections (``ReaderConnections``; GRDB's for the
    /// in-memory store), in a snapshot of its own (``SQLiteTransaction/snapshot(_:_:)``).
    public func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        if let readers { return try await readers.read { connection in try SQLiteTransaction.snapshot(connection, body) } }
        return try await writer.unsafeRead { db in try SQLiteTransaction.snapshot(db, body) }
    }

    public func checkReady() async throws {
        _ = try await writer.read { db in try Int.fetchOne(db, sql: "SELECT 1") }
    }

    public func appliedMigrations() async throws -> [String] {
        try await writer.read { db in try SQLiteMigrations.migrator.appliedMigrations(db) }
    }

    public func close() async throws {
        readers?.close()
        try ledger.withLock { ledger in
            try ledger?.close()
            ledger = nil
        }
        if let pool = writer as? DatabasePool {
            try pool.close()
        } else if let queue = writer as? DatabaseQueue {
            try queue.close()
        }
    }
}
