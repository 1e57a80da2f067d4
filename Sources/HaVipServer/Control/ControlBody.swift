import Foundation
import HaVipModel
import Hummingbird
import RPCWire

/// A control request's JSON body (or one object inside it), read strictly: a field of the wrong type, a
/// value out of range or a field the endpoint does not know is ``APIError/controlInvalidBody(_:)`` naming
/// the field by its path (`vpcs[0].vswitches[1].cidr`), and nothing runs.
struct ControlBody {
    typealias Value = JSONValue

    /// The largest body a control request may have (a world document is the largest).
    static let maxBytes = 4 << 20

    let fields: [String: Value]
    /// Where this object is in the body, `""` for the body itself.
    let path: String

    init(_ fields: [String: Value], path: String = "") {
        self.fields = fields
        self.path = path
    }

    /// The request's body as a JSON object; an empty body is `{}`.
    static func read(_ request: Request) async throws -> ControlBody {
        var request = request
        let bytes: ByteBuffer
        do {
            bytes = try await request.collectBody(upTo: maxBytes)
        } catch {
            throw invalid("the body is larger than \(maxBytes) bytes")
        }
        guard bytes.readableBytes > 0 else { return ControlBody([:]) }
        guard case .object(let fields)? = try? JSONDecoder().decode(Value.self, from: Data(buffer: bytes)) else {
            throw invalid("the body is not a JSON object")
        }
        return ControlBody(fields)
    }

    /// Refuses a field not in `known` (a misspelt field would otherwise be ignored silently).
    func only(_ known: Set<String>) throws -> ControlBody {
        if let unknown = fields.keys.sorted().first(where: { !known.contains($0) }) {
            throw Self.invalid("\(name(unknown)): not a field of this request (it takes \(known.sorted().joined(separator: ", ")))")
        }
        return self
    }

    func string(_ key: String) throws -> String? {
        switch fields[key] {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw wrongType(key, "a string")
        }
    }

    func requiredString(_ key: String) throws -> String {
        guard let text = try string(key) else { throw Self.invalid("\(name(key)): required") }
        return text
    }

    func number(_ key: String) throws -> Double? {
        switch fields[key] {
        case nil, .null?: return nil
        case .number(let value)?: return value
        case .integer(let value)?: return Double(value)
        default: throw wrongType(key, "a number")
        }
    }

    func integer(_ key: String) throws -> Int? {
        switch fields[key] {
        case nil, .null?: return nil
        case .integer(let value)?: if let integer = Int(exactly: value) { return integer }
        case .number(let value)?: if value.rounded() == value, let integer = Int(exactly: value) { return integer }
        default: break
        }
        throw wrongType(key, "an integer")
    }

    func bool(_ key: String) throws -> Bool? {
        switch fields[key] {
        case nil, .null?: return nil
        case .bool(let value)?: return value
        default: throw wrongType(key, "true or false")
        }
    }

    func object(_ key: String) throws -> ControlBody? {
        switch fields[key] {
        case nil, .null?: return nil
        case .object(let fields)?: return ControlBody(fields, path: name(key))
        default: throw wrongType(key, "an object")
        }
    }

    /// The objects of an array field (absent: none).
    func objects(_ key: String) throws -> [ControlBody] {
        try array(key).enumerated().map { index, value in
            guard case .object(let fields) = value else { throw Self.invalid("\(name(key))[\(index)]: expected an object") }
            return ControlBody(fields, path: "\(name(key))[\(index)]")
        }
    }

    /// The strings of an array field (absent: none).
    func strings(_ key: String) throws -> [String] {
        try array(key).enumerated().map { index, value in
            guard case .string(let text) = value else { throw Self.invalid("\(name(key))[\(index)]: expected a string") }
            return text
        }
    }

    private func array(_ key: String) throws -> [Value] {
        switch fields[key] {
        case nil, .null?: return []
        case .array(let values)?: return values
        default: throw wrongType(key, "an array")
        }
    }

    /// The field's path in the body.
    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private func wrongType(_ key: String, _ expected: String) -> APIError {
        Self.invalid("\(name(key)): expected \(expected)")
    }

    static func invalid(_ detail: String) -> APIError {
        .controlInvalidBody(detail)
    }
}
