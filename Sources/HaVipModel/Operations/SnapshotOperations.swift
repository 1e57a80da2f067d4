/// Snapshots: the whole state of the emulated cloud saved under a name in the store, restored exactly,
/// while requests are served.
///
/// Saving reads every ``StateRecords`` table in one read transaction (a consistent snapshot: WAL on SQLite,
/// `REPEATABLE READ` on PostgreSQL), then stores it in a write transaction of its own; restoring is one write
/// transaction that locks every state table against other writers, empties them and inserts the saved rows.
public enum SnapshotOperations {
    /// What a save read: the rows, ready to store.
    public struct Capture: Sendable {
        let payload: String
        public let resources: Int
    }

    /// Reads the whole state; run it in a read transaction, then ``save(_:name:capture:now:)``.
    public static func capture(_ tx: some StoreTransaction) throws -> Capture {
        let (payload, resources) = try SnapshotPayload.read(tx)
        return Capture(payload: try payload.text, resources: resources)
    }

    /// Stores a capture under `name`, replacing a snapshot of that name.
    public static func save(_ tx: some StoreTransaction, name: String, capture: Capture, now: Double) throws -> StoredSnapshot {
        try checkName(name)
        let snapshot = StoredSnapshot(name: name, account: .emulator, createdAt: now, resources: capture.resources)
        let content = SnapshotContent(name: name, account: .emulator, payload: capture.payload)
        if try tx.fetch(StoredSnapshot.self, name, account: .emulator, forUpdate: true) != nil {
            try tx.update(snapshot)
            try tx.update(content)
        } else {
            try tx.insert(snapshot)
            try tx.insert(content)
        }
        return snapshot
    }

    /// Puts back exactly what `name` saved: every state table emptied (``ResetOperations``) and refilled. The
    /// snapshot stays.
    public static func restore(_ tx: some StoreTransaction, name: String) throws -> StoredSnapshot {
        let snapshot = try find(tx, name)
        guard let content = try tx.fetch(SnapshotContent.self, name, account: .emulator) else {
            throw APIError.snapshotIncompatible("its rows are missing")
        }
        let payload = try SnapshotPayload(text: content.payload)
        _ = try ResetOperations.reset(tx, scope: .everyAccount)
        try payload.write(tx)
        return snapshot
    }

    /// Every snapshot, oldest first.
    public static func list(_ tx: some StoreTransaction) throws -> [StoredSnapshot] {
        try tx.select(
            Query(StoredSnapshot.self, account: .emulator, order: [.ascending(StoredSnapshot.column.createdAt), .ascending(StoredSnapshot.column.name)]))
    }

    public static func delete(_ tx: some StoreTransaction, name: String) throws {
        let snapshot = try find(tx, name)
        try tx.delete(snapshot, account: .emulator)
        try tx.delete(Query(SnapshotContent.self, account: .emulator, [.equals(SnapshotContent.column.name, name)]))
    }

    static func find(_ tx: some StoreTransaction, _ name: String) throws -> StoredSnapshot {
        guard let snapshot = try tx.fetch(StoredSnapshot.self, name, account: .emulator, forUpdate: true) else {
            throw APIError.controlNotFound("No snapshot is named \(name).")
        }
        return snapshot
    }

    /// A name: 1 to 128 characters, none of them `/` or a control character.
    static func checkName(_ name: String) throws {
        guard (1...128).contains(name.count), !name.contains("/"),
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw APIError.controlInvalidBody("name: 1 to 128 characters, without / or control characters") }
    }
}
