/// A saved state of the emulated cloud, kept in the store so that every node can restore it: its name,
/// when it was saved and how many resources it holds. Its rows are a ``SnapshotContent`` of the same name,
/// read only to restore it.
public struct StoredSnapshot: Equatable, Sendable {
    public var name: String
    public var account: AccountID
    public var createdAt: Double
    /// How many resources (``StateRecords/isResource(_:)``) it holds.
    public var resources: Int
}

extension StoredSnapshot: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "snapshots", columns: column, blank: StoredSnapshot(name: "", account: .emulator, createdAt: 0, resources: 0))

    /// The columns of `snapshots`.
    public final class Columns: Sendable {
        public let name = Column(\StoredSnapshot.name, "name")
        public let account = Column(\StoredSnapshot.account, "account")
        public let createdAt = Column(\StoredSnapshot.createdAt, "created_at")
        public let resources = Column(\StoredSnapshot.resources, "resources")
    }
}

/// The rows of a snapshot: every row of every ``StateRecords`` table (``SnapshotPayload``), as text.
public struct SnapshotContent: Equatable, Sendable {
    public var name: String
    public var account: AccountID
    public var payload: String
}

extension SnapshotContent: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "snapshot_contents", columns: column, blank: SnapshotContent(name: "", account: .emulator, payload: ""))

    /// The columns of `snapshot_contents`.
    public final class Columns: Sendable {
        public let name = Column(\SnapshotContent.name, "name")
        public let account = Column(\SnapshotContent.account, "account")
        public let payload = Column(\SnapshotContent.payload, "payload")
    }
}
