import Dispatch
import GRDBSQLite
import HaVipModel
import Synchronization

/// Read-only connections to the store's file, each read run on a concurrent dispatch queue of its own,
/// with no semaphore, serial queue or schema check between the request and SQLite.
///
/// GRDB's reader pool costs about 70 µs of CPU per read on the benchmark machine even for an empty read
/// (pool semaphore, `DispatchQueue.sync`, schema-cache check), 95 µs async: more than all the statements
/// of a DescribeHaVips (bench/RESULTS.md). A read still leaves the request's thread (an event loop) for
/// the queue's threads: run on the calling thread, reads were measured to cost more CPU per request and
/// raise p99, on the cooperative pool and on the event loops alike. GRDB still owns the file: it creates
/// it, migrates it and does every write.
///
/// A small pool written by hand, where GRDB's would serve: measured, GRDB's costs more than the reads.
final class ReaderConnections: Sendable {
    private let path: String
    private let idle = Mutex<[ReaderConnection]>([])
    private let queue = DispatchQueue(label: "havip.sqlite.readers", attributes: .concurrent)

    init(path: String) {
        self.path = path
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (ReaderConnection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { [self] in
                continuation.resume(with: Result { try readNow(body) })
            }
        }
    }

    private func readNow<T>(_ body: (ReaderConnection) throws -> T) throws -> T {
        let connection = try idle.withLock { $0.popLast() } ?? ReaderConnection(path: path)
        defer { idle.withLock { $0.append(connection) } }
        return try body(connection)
    }

    /// Closes the idle connections (one still reading closes when it is let go).
    func close() {
        idle.withLock { $0.removeAll() }
    }
}

/// One read-only SQLite connection and its prepared statements. Used by one thread at a time: it is
/// out of the ``ReaderConnections`` list while a read holds it.
final class ReaderConnection: @unchecked Sendable, SQLiteStatementSource {
    private let handle: OpaquePointer
    private var statements: [String: OpaquePointer] = [:]

    init(path: String) throws {
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? "cannot open \(path)"
            sqlite3_close_v2(handle)
            throw StoreError.unavailable("SQLite reader: \(message)")
        }
        sqlite3_busy_timeout(handle, 10_000)
        self.handle = handle
    }

    func statement(_ sql: String) throws -> OpaquePointer {
        if let statement = statements[sql] { return statement }
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw StoreError.failed("SQLite could not prepare \(sql): \(String(cString: sqlite3_errmsg(handle)))")
        }
        statements[sql] = statement
        return statement
    }

    var connection: OpaquePointer? { handle }

    deinit {
        for statement in statements.values { sqlite3_finalize(statement) }
        sqlite3_close_v2(handle)
    }
}
