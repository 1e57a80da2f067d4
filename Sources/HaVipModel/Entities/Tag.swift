/// A tag on a resource. `resourceType` is the canonical wire type, e.g. `HAVIP`.
public struct Tag: StoredRecord, Equatable {
    public var account: AccountID
    public var resourceType: String
    public var resourceId: String
    public var key: String
    public var value: String

    public init(account: AccountID, resourceType: String, resourceId: String, key: String, value: String) {
        self.account = account
        self.resourceType = resourceType
        self.resourceId = resourceId
        self.key = key
        self.value = value
    }

    public static let table = "tags"
    public static let columns = ["key", "account", "resource_type", "resource_id", "tag_key", "tag_value"]

    public var values: [SQLValue] {
        [.text("\(resourceType)/\(resourceId)/\(key)"), .text(account.rawValue), .text(resourceType), .text(resourceId), .text(key), .text(value)]
    }

    public init(row: StoredRow) throws {
        self.init(account: AccountID(try row.text(1)), resourceType: try row.text(2), resourceId: try row.text(3), key: try row.text(4), value: try row.text(5))
    }
}
