/// What `POST /_havip/world` answers: the ID of every resource it made, by kind and by the name the document
/// gave it: `{"vpcs": {"prod": "vpc-…"}, "vswitches": {"a": "vsw-…"}, "instances": {"web1": "i-…"},
/// "havips": {"vip": "havip-…"}, "eips": {"vip": "eip-…"}}` (an EIP under its HaVip's name). Kinds the
/// server adds (a security group it made for the instances, say) are kept in ``byKind``.
public struct WorldIDs: Sendable, Equatable, Codable {
    /// Every kind's names and IDs.
    public let byKind: [String: [String: String]]

    public init(byKind: [String: [String: String]]) {
        self.byKind = byKind
    }

    public init(from decoder: any Decoder) throws {
        byKind = try decoder.singleValueContainer().decode([String: [String: String]].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(byKind)
    }

    public var vpcs: [String: String] { byKind["vpcs"] ?? [:] }
    public var vswitches: [String: String] { byKind["vswitches"] ?? [:] }
    public var instances: [String: String] { byKind["instances"] ?? [:] }
    public var havips: [String: String] { byKind["havips"] ?? [:] }
    public var eips: [String: String] { byKind["eips"] ?? [:] }
}
