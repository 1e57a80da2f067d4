/// A fault in force: its rule with the `id` the server gave it and, when the server counts them, `hits` so far;
/// one JSON object (`{"id": "fault-1", "action": …, "hits": 0}`), as `POST /_havip/faults` answers it and
/// `GET /_havip/faults` lists it (`{"faults": [...]}`).
public struct Fault: Sendable, Equatable, Codable {
    public let id: String
    public let rule: FaultRule
    public let hits: Int?

    public init(id: String, rule: FaultRule, hits: Int? = nil) {
        self.id = id
        self.rule = rule
        self.hits = hits
    }

    private enum CodingKeys: String, CodingKey {
        case id, hits
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        hits = try container.decodeIfPresent(Int.self, forKey: .hits)
        rule = try FaultRule(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encodeIfPresent(hits, forKey: .hits)
        try rule.encode(to: encoder)
    }
}
