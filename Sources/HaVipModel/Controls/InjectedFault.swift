/// A fault a test injected: requests of a matching action (and account) fail with ``error`` or wait
/// ``latencyMs``, with ``probability``, until ``count`` of them have been hit.
public struct InjectedFault: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    /// The action it matches, `*` matching any run of characters (`Describe*`, `*HaVip*`, `*`).
    public var action: String
    /// Only requests of this account; nil for every account.
    public var targetAccount: String?
    /// How many hits it has before it expires; nil for never.
    public var count: Int?
    /// Hits so far (counted only for a fault with a ``count``).
    public var hits: Int
    /// The chance, 0 to 1, that a matching request is hit.
    public var probability: Double
    public var latencyMs: Int
    /// The error a hit request gets; nil when it is only slowed down.
    public var errorCode: String?
    public var errorStatus: Int?
    public var errorMessage: String?
    public var createdAt: Double

    /// The error a hit request is answered with, if any.
    public var error: APIError? {
        guard let errorCode, let errorStatus, let errorMessage else { return nil }
        return .injected(code: errorCode, status: errorStatus, message: errorMessage)
    }

    /// Whether a request of `action` by `account` (nil before authentication) is one this fault aims at.
    public func matches(action: String, account: AccountID?) -> Bool {
        if let targetAccount, targetAccount != account?.rawValue { return false }
        return Self.glob(self.action, matches: action)
    }

    /// Whether `pattern` (`*` matching any run of characters, everything else itself) matches all of `text`.
    static func glob(_ pattern: String, matches text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false)
        guard parts.count > 1 else { return pattern == text }
        var rest = Substring(text)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}

extension InjectedFault: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "injected_faults", columns: column,
        blank: InjectedFault(
            id: "", account: .emulator, action: "", hits: 0, probability: 1, latencyMs: 0, createdAt: 0))

    /// The columns of `injected_faults`.
    public final class Columns: Sendable {
        public let id = Column(\InjectedFault.id, "id")
        public let account = Column(\InjectedFault.account, "account")
        public let action = Column(\InjectedFault.action, "action")
        public let targetAccount = Column(\InjectedFault.targetAccount, "target_account")
        public let count = Column(\InjectedFault.count, "count")
        public let hits = Column(\InjectedFault.hits, "hits")
        public let probability = Column(\InjectedFault.probability, "probability")
        public let latencyMs = Column(\InjectedFault.latencyMs, "latency_ms")
        public let errorCode = Column(\InjectedFault.errorCode, "error_code")
        public let errorStatus = Column(\InjectedFault.errorStatus, "error_status")
        public let errorMessage = Column(\InjectedFault.errorMessage, "error_message")
        public let createdAt = Column(\InjectedFault.createdAt, "created_at")
    }
}
