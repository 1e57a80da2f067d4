import Foundation
import RPCWire

/// The stored form of a response for ClientToken retries. Its JSON is defined here, by hand, and every
/// version ever written stays readable:
///
/// - Version 2 (written):
///   `{"fields":[FIELD…],"format":"havip.rpc-response","version":2}`, where a FIELD is a NODE with a
///   `"name"`, and a NODE is one of `{"string":"…"}`, `{"integer":5}`, `{"bool":true}`,
///   `{"object":[FIELD…]}`, `{"list":"ItemName","values":[NODE…]}`.
/// - Version 1 (read only): what Swift's synthesized `Codable` of `RPCResponse` wrote before there was a
///   version, `{"fields":[{"name":"…","value":V1}…]}` with `V1` one of `{"string":{"_0":"…"}}`,
///   `{"integer":{"_0":5}}`, `{"bool":{"_0":true}}`, `{"object":{"_0":[{"name":…,"value":V1}…]}}`,
///   `{"list":{"item":"…","_1":[V1…]}}` (keys in any order).
struct StoredResponse: Encodable {
    static let format = "havip.rpc-response"
    static let version = 2

    let response: RPCResponse

    init(_ response: RPCResponse) {
        self.response = response
    }

    enum FormatError: Error {
        case unknownFormat(String, version: Int)
    }

    /// Reads any version.
    static func decode(_ data: Data) throws -> StoredResponse {
        let decoder = JSONDecoder()
        let header = try decoder.decode(Header.self, from: data)
        switch (header.format, header.version) {
        case (nil, nil):
            return StoredResponse(RPCResponse(try decoder.decode(Version1.self, from: data).fields.map(\.field)))
        case (format?, version?) where format == Self.format && version == 2:
            return StoredResponse(RPCResponse(try decoder.decode(Version2.self, from: data).fields.map(\.field)))
        default:
            throw FormatError.unknownFormat(header.format ?? "", version: header.version ?? 0)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Version2.Keys.self)
        try container.encode(Self.format, forKey: .format)
        try container.encode(Self.version, forKey: .version)
        try container.encode(response.fields.map(Version2.Field.init), forKey: .fields)
    }

    /// What says which version a payload is.
    private struct Header: Decodable {
        let format: String?
        let version: Int?
    }

    /// Version 2, written and read.
    private struct Version2: Decodable {
        let fields: [Field]

        enum Keys: String, CodingKey {
            case format, version, fields
        }

        init(from decoder: any Decoder) throws {
            fields = try decoder.container(keyedBy: Keys.self).decode([Field].self, forKey: .fields)
        }

        enum NodeKeys: String, CodingKey {
            case name, string, integer, bool, object, list, values
        }

        struct Field: Codable {
            let field: ResponseNode.Field

            init(_ field: ResponseNode.Field) {
                self.field = field
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: NodeKeys.self)
                field = ResponseNode.Field(try container.decode(String.self, forKey: .name), try Node.decode(container))
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: NodeKeys.self)
                try container.encode(field.name, forKey: .name)
                try Node.encode(field.value, into: &container)
            }
        }

        struct Node: Codable {
            let node: ResponseNode

            init(_ node: ResponseNode) {
                self.node = node
            }

            init(from decoder: any Decoder) throws {
                node = try Self.decode(try decoder.container(keyedBy: NodeKeys.self))
            }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: NodeKeys.self)
                try Self.encode(node, into: &container)
            }

            static func decode(_ container: KeyedDecodingContainer<NodeKeys>) throws -> ResponseNode {
                if let string = try container.decodeIfPresent(String.self, forKey: .string) { return .string(string) }
                if let integer = try container.decodeIfPresent(Int64.self, forKey: .integer) { return .integer(integer) }
                if let bool = try container.decodeIfPresent(Bool.self, forKey: .bool) { return .bool(bool) }
                if let fields = try container.decodeIfPresent([Field].self, forKey: .object) { return .object(fields.map(\.field)) }
                if let item = try container.decodeIfPresent(String.self, forKey: .list) {
                    return .list(item: item, try container.decode([Node].self, forKey: .values).map(\.node))
                }
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "a node of no known kind"))
            }

            static func encode(_ node: ResponseNode, into container: inout KeyedEncodingContainer<NodeKeys>) throws {
                switch node {
                case .string(let string): try container.encode(string, forKey: .string)
                case .integer(let integer): try container.encode(integer, forKey: .integer)
                case .bool(let bool): try container.encode(bool, forKey: .bool)
                case .object(let fields): try container.encode(fields.map(Field.init), forKey: .object)
                case .list(let item, let values):
                    try container.encode(item, forKey: .list)
                    try container.encode(values.map(Node.init), forKey: .values)
                }
            }
        }
    }

    /// Version 1, the shape Swift's synthesized `Codable` gave `RPCResponse` before, spelled out so that
    /// it stays readable whatever `ResponseNode` becomes.
    private struct Version1: Decodable {
        let fields: [Field]

        struct Field: Decodable {
            let field: ResponseNode.Field

            enum Keys: String, CodingKey { case name, value }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                let name = try container.decode(String.self, forKey: .name)
                field = ResponseNode.Field(name, try container.decode(Node.self, forKey: .value).node)
            }
        }

        struct Node: Decodable {
            let node: ResponseNode

            enum Keys: String, CodingKey { case string, integer, bool, object, list }
            enum Payload: String, CodingKey {
                case only = "_0"
                case item
                case values = "_1"
            }

            init(from decoder: any Decoder) throws {
                let container = try decoder.container(keyedBy: Keys.self)
                guard let key = container.allKeys.first, container.allKeys.count == 1 else {
                    throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "a node of no known kind"))
                }
                let payload = try container.nestedContainer(keyedBy: Payload.self, forKey: key)
                switch key {
                case .string: node = .string(try payload.decode(String.self, forKey: .only))
                case .integer: node = .integer(try payload.decode(Int64.self, forKey: .only))
                case .bool: node = .bool(try payload.decode(Bool.self, forKey: .only))
                case .object: node = .object(try payload.decode([Field].self, forKey: .only).map(\.field))
                case .list:
                    let item = try payload.decode(String.self, forKey: .item)
                    node = .list(item: item, try payload.decode([Node].self, forKey: .values).map(\.node))
                }
            }
        }
    }
}
