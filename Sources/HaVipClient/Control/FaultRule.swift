/// A fault to inject, as `POST /_havip/faults` takes it: `{"action": "AssociateHaVip", "account": "A",
/// "count": 3, "probability": 1.0, "latencyMs": 0, "error": {"code": …, "status": …, "message": …}}`.
/// Absent fields are left out of the JSON (the server's defaults apply).
public struct FaultRule: Sendable, Equatable, Codable {
    /// The action it matches; `*` globs allowed (`Describe*`).
    public var action: String
    /// Only this account's requests; nil for every account.
    public var account: String?
    /// Expires after this many hits; nil for never.
    public var count: Int?
    /// The chance, 0 to 1, that a matching request is hit.
    public var probability: Double?
    /// Milliseconds a hit request waits before it is answered.
    public var latencyMs: Int?
    /// The error a hit request gets; nil to only slow it down.
    public var error: InjectedError?

    public init(
        action: String, account: String? = nil, count: Int? = nil, probability: Double? = nil, latencyMs: Int? = nil,
        error: InjectedError? = nil
    ) {
        self.action = action
        self.account = account
        self.count = count
        self.probability = probability
        self.latencyMs = latencyMs
        self.error = error
    }
}

/// The error envelope a faulted request is answered with: its `Code`, HTTP status and `Message`.
public struct InjectedError: Sendable, Equatable, Codable {
    public var code: String
    public var status: Int
    public var message: String

    public init(code: String, status: Int, message: String) {
        self.code = code
        self.status = status
        self.message = message
    }
}
