import HaVipModel
import Hummingbird
import RPCWire

/// `GET /_havip/requests?action=&account=&status=&limit=`: this node's request journal (``RequestJournal``).
extension ControlRoutes {
    /// How many entries an answer has when the request names no `limit`.
    static let defaultJournalLimit = 100

    func addRequests(to group: RouterGroup<HaVipRequestContext>) {
        group.get("requests") { request, _ in try requests(request) }
    }

    /// `{"requests": [...]}`, oldest first: the last `limit` (100 by default, at most the journal's capacity)
    /// requests of the action, account and status given (`status` a code, `404`, or a class, `4xx`),
    /// signatures and secrets removed.
    private func requests(_ request: Request) throws -> Response {
        let query = try Self.query(request, known: ["action", "account", "status", "limit"])
        let capacity = journal?.capacity ?? 0
        var limit = Self.defaultJournalLimit
        if let text = query["limit"] {
            guard let value = Int(text), value >= 1 else { throw APIError.controlInvalidBody("limit: a whole number, at least 1") }
            limit = value
        }
        var status: StatusFilter?
        if let text = query["status"] {
            guard let filter = StatusFilter(text) else { throw APIError.controlInvalidBody("status: an HTTP status (404) or a class (4xx)") }
            status = filter
        }
        let entries =
            journal?.recent(action: query["action"], account: query["account"], status: status, limit: min(limit, capacity)) ?? []
        return try Self.json(.ok, ["requests": entries.map(JournalAnswer.init)])
    }
}

/// One journal entry: `{"time", "action", "product", "account", "region", "parameters", "status", "code",
/// "durationMs", "requestId"}`, absent values as null.
struct JournalAnswer: Encodable {
    let entry: FinishedRequest

    init(_ entry: FinishedRequest) {
        self.entry = entry
    }

    private enum Keys: String, CodingKey {
        case time, action, product, account, region, parameters, status, code, durationMs, requestId
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(Self.time(entry.time), forKey: .time)
        try container.encode(entry.action, forKey: .action)
        try container.encode(entry.product?.rawValue, forKey: .product)
        try container.encode(entry.account?.rawValue, forKey: .account)
        try container.encode(entry.region, forKey: .region)
        try container.encode(SecretParameters.shown(entry.parameters ?? []), forKey: .parameters)
        try container.encode(entry.status, forKey: .status)
        try container.encode(entry.code, forKey: .code)
        try container.encode((entry.durationSeconds * 1_000_000).rounded() / 1_000, forKey: .durationMs)
        try container.encode(entry.requestId, forKey: .requestId)
    }

    /// `2026-05-01T10:00:00.123Z`.
    static func time(_ seconds: Double) -> String {
        let whole = seconds.rounded(.down)
        let milliseconds = min(999, Int(((seconds - whole) * 1_000).rounded(.down)))
        let text = Timestamp.format(Int64(whole))
        let digits = String(milliseconds)
        return text.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }
}
