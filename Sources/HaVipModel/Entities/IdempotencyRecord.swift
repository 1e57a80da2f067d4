/// The remembered outcome of a request that carried a ClientToken.
public struct IdempotencyRecord: Equatable, Sendable {
    public var account: AccountID
    public var action: String
    public var clientToken: String
    /// A hash of the request's business parameters.
    public var fingerprint: String
    /// The result, as the result's type wrote it (``IdempotentResult``).
    public var response: IdempotencyPayload
    public var createdAt: Double

    public static func key(action: String, clientToken: String) -> String { "\(action)/\(clientToken)" }
    /// The primary key: one outcome per action and token.
    public var key: String { Self.key(action: action, clientToken: clientToken) }
}

extension IdempotencyRecord: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "idempotency_records", columns: column,
        blank: IdempotencyRecord(account: AccountID(""), action: "", clientToken: "", fingerprint: "", response: IdempotencyPayload(""), createdAt: 0))

    /// The columns of `idempotency_records`.
    public final class Columns: Sendable {
        public let key = Column(computed: \IdempotencyRecord.key, "key")
        public let account = Column(\IdempotencyRecord.account, "account")
        public let action = Column(\IdempotencyRecord.action, "action")
        public let clientToken = Column(\IdempotencyRecord.clientToken, "client_token")
        public let fingerprint = Column(\IdempotencyRecord.fingerprint, "fingerprint")
        public let response = Column(\IdempotencyRecord.response, "response")
        public let createdAt = Column(\IdempotencyRecord.createdAt, "created_at")
    }
}
