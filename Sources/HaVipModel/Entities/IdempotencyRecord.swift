/// The remembered outcome of a request that carried a ClientToken.
public struct IdempotencyRecord: StoredRecord, Equatable {
    public var account: AccountID
    public var action: String
    public var clientToken: String
    /// A hash of the request's business parameters.
    public var fingerprint: String
    /// The response fields, encoded as JSON.
    public var response: String
    public var createdAt: Double

    public init(account: AccountID, action: String, clientToken: String, fingerprint: String, response: String, createdAt: Double) {
        self.account = account
        self.action = action
        self.clientToken = clientToken
        self.fingerprint = fingerprint
        self.response = response
        self.createdAt = createdAt
    }

    public static func key(action: String, clientToken: String) -> String { "\(action)/\(clientToken)" }

    public static let table = "idempotency_records"
    public static let columns = ["key", "account", "action", "client_token", "fingerprint", "response", "created_at"]

    public var values: [SQLValue] {
        [
            .text(Self.key(action: action, clientToken: clientToken)), .text(account.rawValue), .text(action), .text(clientToken),
            .text(fingerprint), .text(response), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        self.init(
            account: AccountID(try row.text(1)), action: try row.text(2), clientToken: try row.text(3), fingerprint: try row.text(4),
            response: try row.text(5), createdAt: try row.real(6))
    }
}
