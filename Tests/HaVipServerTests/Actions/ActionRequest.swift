import Foundation
import HaVipModel

/// The business parameters of one signed request (a dictionary literal), and what signs it. `RegionId` is
/// `cn-hangzhou` unless the parameters give another or `nil` (then none is sent); a `nil` value sends nothing.
struct ActionRequest: Sendable, ExpressibleByDictionaryLiteral {
    var parameters: [String: String?]
    /// The key that signs the request.
    var key = TestServer.key
    /// A fixed `SignatureNonce` (else a fresh one).
    var nonce: String?
    /// A fixed `Timestamp` (else the server clock's time).
    var timestamp: String?

    init(_ parameters: [String: String?] = [:], key: AccessKey = TestServer.key, nonce: String? = nil, timestamp: String? = nil) {
        self.parameters = parameters
        self.key = key
        self.nonce = nonce
        self.timestamp = timestamp
    }

    init(dictionaryLiteral elements: (String, String?)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// A parameter's value as sent (nil when none is sent).
    subscript(name: String) -> String? { parameters[name] ?? nil }

    /// The pairs sent, sorted by name, with the default `RegionId` when the parameters do not name one.
    var pairs: [(name: String, value: String)] {
        var all = parameters
        // A key given as nil (`.some(nil)`) is not `nil`: the request says "send no RegionId".
        if all["RegionId"] == nil { all["RegionId"] = ActionWorld.region }
        return all.compactMap { name, value in value.map { (name: name, value: $0) } }.sorted { $0.name < $1.name }
    }
}
