/// A resource group of an account. Every account has its default group (``defaultId(for:)``), which is
/// never stored; the others are rows of `resource_groups`, made by a world document
/// (`POST /_havip/world`'s `resourceGroups`). A resource can be put only in a group of its own account.
public struct ResourceGroup: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var name: String
    public var createdAt: Double

    public init(id: String, account: AccountID, name: String, createdAt: Double) {
        self.id = id
        self.account = account
        self.name = name
        self.createdAt = createdAt
    }

    /// A stable `rg-acfm` + 11 base-36 characters derived from the account (FNV-1a), like real default groups.
    public static func defaultId(for account: AccountID) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in account.rawValue.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let text = String(hash, radix: 36)
        return "rg-acfm" + String((text + "00000000000").prefix(11))
    }

    /// Whether `id` looks like a resource group ID (`rg-` and lowercase alphanumerics).
    public static func isValid(_ id: String) -> Bool {
        id.hasPrefix("rg-") && id.count > 3 && id.count <= 64
            && id.dropFirst(3).allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }
    }
}

extension ResourceGroup: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "resource_groups", columns: column, blank: ResourceGroup(id: "", account: AccountID(""), name: "", createdAt: 0))

    /// The columns of `resource_groups`.
    public final class Columns: Sendable {
        public let id = Column(\ResourceGroup.id, "id")
        public let account = Column(\ResourceGroup.account, "account")
        public let name = Column(\ResourceGroup.name, "name")
        public let createdAt = Column(\ResourceGroup.createdAt, "created_at")
    }
}
