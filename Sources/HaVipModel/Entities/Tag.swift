/// A tag on a resource.
public struct Tag: Equatable, Sendable {
    public var account: AccountID
    public var resourceType: ResourceType
    public var resourceId: String
    public var key: String
    public var value: String

    /// The primary key: one value per resource and tag key.
    public var storageKey: String { "\(resourceType.rawValue)/\(resourceId)/\(key)" }
}

extension Tag: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "tags", columns: column, blank: Tag(account: AccountID(""), resourceType: .haVip, resourceId: "", key: "", value: ""))

    /// The columns of `tags`.
    public final class Columns: Sendable {
        public let storageKey = Column(computed: \Tag.storageKey, "key")
        public let account = Column(\Tag.account, "account")
        public let resourceType = Column(\Tag.resourceType, "resource_type")
        public let resourceId = Column(\Tag.resourceId, "resource_id")
        public let key = Column(\Tag.key, "tag_key")
        public let value = Column(\Tag.value, "tag_value")
    }
}
