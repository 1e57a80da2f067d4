import Foundation
import GRDB
import HaVipModel
import HaVipSQL

/// The nonce ledger of a SQLite store, in a database file of its own beside the store's (`PATH-nonces`), or
/// in memory for the in-memory store. A claim is the busiest write havip makes (one per signed request), so
/// it gets a connection shaped for it rather than a turn on the store's writer:
/// - the file is opened with `locking_mode=EXCLUSIVE`: a transaction takes no file locks (six `fcntl` calls
///   per commit in the shared mode) and the WAL index lives in the process, not in a `-shm` file. The price is
///   that one process at a time holds the ledger, so one `havip serve` at a time serves a SQLite store
///   (several nodes share a PostgreSQL store);
/// - the table is `WITHOUT ROWID`, keyed by the digest's 16 bytes, with no other index: a claim writes one
///   B-tree (a claim dirties one page), not a rowid table, a text key index and an expiry index; the sweep
///   reads the table instead, a slice of the key space per transaction;
/// - nonce claims no longer queue behind HaVip writes on the store's one writer, nor those behind them.
/// A granted claim is committed before it is answered, with the store's `synchronous` setting.
final class SQLiteNonceLedger: Sendable {
    /// Why the ledger cannot be opened.
    struct InUse: Error, CustomStringConvertible {
        let path: String
        var description: String {
            "another process holds \(path): one havip process at a time serves a SQLite store (several nodes share a PostgreSQL store)"
        }
    }

    private static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("001_signature_nonces") { db in
            try db.execute(
                sql: """
                    CREATE TABLE signature_nonces (digest BLOB PRIMARY KEY, expires_at INTEGER NOT NULL) WITHOUT ROWID
                    """)
        }
        return migrator
    }()
    private static let claimSQL = SQLNonces.claim(.sqlite)
    private static let forgetSQL = "DELETE FROM signature_nonces WHERE digest >= ? AND digest < ? AND expires_at <= ?"

    private let queue: DatabaseQueue
    /// Whether a commit may wait for the disk (`--sqlite-sync full`: an fsync per commit).
    private let commitsWaitForDisk: Bool

    /// Opens the ledger file at `path` (creating it) and takes its lock, or throws ``InUse``.
    init(path: String, durability: SQLiteStore.Durability) throws {
        commitsWaitForDisk = durability == .full
        var configuration = Configuration()
        configuration.prepareDatabase { db in
            // The locking mode first: set before the WAL is first used, SQLite keeps the WAL index in memory.
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "PRAGMA journal_mode = WAL")
            try db.execute(sql: "PRAGMA synchronous = \(durability == .full ? "FULL" : "NORMAL")")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // An exclusive transaction takes the lock now, and the exclusive mode keeps it until the queue closes.
            try queue.inTransaction(.exclusive) { _ in .commit }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY {
            throw InUse(path: path)
        }
        try Self.migrator.migrate(queue)
    }

    /// A ledger in memory, gone with the process (the in-memory store's).
    init() throws {
        commitsWaitForDisk = false
        queue = try DatabaseQueue()
        try Self.migrator.migrate(queue)
    }

    /// One transaction for the batch (one commit for all of its claims). Without an fsync to wait for, on
    /// the calling thread: the transaction is CPU work of a few microseconds, and handing it to the queue's
    /// own thread and back cost more than the work (in a profile of by-id reads, that thread took 15% of the
    /// samples, most of them in being woken and put to sleep once per batch: bench/RESULTS.md). With
    /// `--sqlite-sync full` a commit waits for the disk, so it waits on the queue's thread, not on one of the
    /// few threads that run requests.
    func claim(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] {
        if commitsWaitForDisk {
            return try await queue.writeWithoutTransaction { db in try Self.claim(claims, now: now, in: db) }
        }
        return try claimHere(claims, now: now)
    }

    /// Not `async`, so that `writeWithoutTransaction` is GRDB's synchronous form (`DispatchQueue.sync`, run on
    /// this thread); in an `async` function the call would resolve to the form that hops to the queue's thread.
    private func claimHere(_ claims: [NonceClaim], now: Int64) throws -> [Bool] {
        try queue.writeWithoutTransaction { db in try Self.claim(claims, now: now, in: db) }
    }

    /// The batch in one transaction, begun and ended by statements prepared once like the claim's
    /// (``SQLiteTransaction/transaction(_:begin:_:)``): GRDB's `write` builds and prepares both again for every
    /// transaction, about a tenth of a claim's CPU in a profile of by-id reads (bench/RESULTS.md).
    private static func claim(_ claims: [NonceClaim], now: Int64, in db: Database) throws -> [Bool] {
        try SQLiteTransaction.transaction(db, begin: "BEGIN IMMEDIATE TRANSACTION") {
            let statement = try db.cachedStatement(sql: claimSQL)
            return try claims.map { claim in
                try statement.execute(arguments: [blob(claim.digest), claim.expiresAt, now])
                return db.changesCount == 1
            }
        }
    }

    /// Deletes the expired rows, one transaction per 1/256 of the key space (the digests whose first byte is
    /// the same): a scan of the whole table in all, with no expiry index for every claim to keep, and a claim
    /// made meanwhile waits for one slice at most.
    func forget(expiredBy now: Int64) async throws -> Int {
        var forgotten = 0
        for first in 0...255 {
            // The slice's bounds: its first byte, and the next one (after the last byte, 17 bytes of 0xFF,
            // which sorts after every 16-byte digest).
            let lower = Data([UInt8(first)])
            let upper = first < 255 ? Data([UInt8(first + 1)]) : Data(repeating: 0xFF, count: 17)
            forgotten += try await queue.write { db in
                try db.execute(sql: Self.forgetSQL, arguments: [lower, upper, now])
                return db.changesCount
            }
        }
        return forgotten
    }

    func close() throws {
        try queue.close()
    }

    /// The digest's 16 bytes, big-endian: a `WITHOUT ROWID` key half the size of its hexadecimal text.
    private static func blob(_ digest: NonceDigest) -> Data {
        var bytes = Data(capacity: 16)
        withUnsafeBytes(of: digest.high.bigEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: digest.low.bigEndian) { bytes.append(contentsOf: $0) }
        return bytes
    }
}
