/// One request of the journal, as `GET /_havip/requests` lists it (`{"requests": [...]}`, oldest first):
/// `{"time": "2026-05-01T10:00:00.123Z", "action": "CreateHaVip", "product": "Vpc", "account": "1111111111111111",
/// "region": "cn-hangzhou", "parameters": {"VSwitchId": "vsw-…"}, "status": 200, "code": null,
/// "durationMs": 1.4, "requestId": "…"}`. Signatures and secrets are never in `parameters`.
public struct JournalEntry: Sendable, Equatable, Codable {
    public let time: String
    /// Nil when the request named no action the server could read.
    public let action: String?
    /// The action's product (`Vpc`, `Ecs`, `Sts`); nil with the action.
    public let product: String?
    /// Nil when the caller was not authenticated.
    public let account: String?
    public let region: String?
    public let parameters: [String: String]
    /// The answer's HTTP status.
    public let status: Int
    /// The error code of a failed request; nil for a success.
    public let code: String?
    public let durationMs: Double
    public let requestId: String

    public init(
        time: String, action: String?, product: String? = nil, account: String?, region: String?, parameters: [String: String], status: Int,
        code: String?, durationMs: Double, requestId: String
    ) {
        self.time = time
        self.action = action
        self.product = product
        self.account = account
        self.region = region
        self.parameters = parameters
        self.status = status
        self.code = code
        self.durationMs = durationMs
        self.requestId = requestId
    }
}
