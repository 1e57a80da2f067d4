import ArgumentParser
import HaVipClient
import Yams

extension JSONValue {
    /// The JSON value of a YAML node, typed as YAML's core schema types it: a plain `true`, `12` or `0.5` is a
    /// boolean or a number, anything quoted is a string (so `"1111111111111111"` stays an account ID).
    init(yaml node: Node) throws {
        switch node {
        case .scalar(let scalar):
            switch Tag.Name(rawValue: node.tag.description) {
            case .null: self = .null
            case .bool: self = node.bool.map(JSONValue.bool) ?? .string(scalar.string)
            case .int: self = node.int.map { .integer(Int64($0)) } ?? .string(scalar.string)
            case .float: self = node.float.map(JSONValue.number) ?? .string(scalar.string)
            default: self = .string(scalar.string)
            }
        case .sequence(let sequence):
            self = .array(try sequence.map(JSONValue.init(yaml:)))
        case .mapping(let mapping):
            var members: [String: JSONValue] = [:]
            for (key, value) in mapping {
                guard case .scalar(let name) = key else { throw ValidationError("a mapping key that is not text, at \(key.mark.map { "\($0)" } ?? "?")") }
                members[name.string] = try JSONValue(yaml: value)
            }
            self = .object(members)
        case .alias:
            throw ValidationError("an unresolved YAML alias")
        }
    }
}
