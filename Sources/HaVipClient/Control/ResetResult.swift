/// What `POST /_havip/reset` answers: `{"account": "A", "deleted": 12}` (`account` only when one was named).
public struct ResetResult: Sendable, Equatable, Codable {
    /// The account whose resources were deleted; nil when every account's were.
    public let account: String?
    /// How many resources were deleted.
    public let deleted: Int

    public init(account: String?, deleted: Int) {
        self.account = account
        self.deleted = deleted
    }
}
