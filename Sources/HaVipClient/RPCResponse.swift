import Foundation

/// A successful RPC answer: the JSON as the server sent it (keys in its order) and parsed.
public struct RPCResponse: Sendable {
    /// The HTTP status (200).
    public let status: Int
    /// The answer's bytes, as sent.
    public let body: [UInt8]
    /// The answer, parsed.
    public let json: JSONValue

    /// `RequestId` of the answer.
    public var requestId: String? { json["RequestId"]?.string }

    /// The answer decoded as `type` (with `JSONDecoder`'s default strategies: keys as the server spells them).
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }
}
