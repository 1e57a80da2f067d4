import Foundation
import HaVipModel
import RPCWire

/// A response is remembered for ClientToken retries in ``StoredResponse``'s explicit, versioned JSON,
/// never through `ResponseNode`'s own shape: a change to the tree cannot change what a stored token
/// answers, and tokens stored before the format had a version (by Swift's synthesized `Codable`) still
/// answer the same response.
extension RPCResponse: IdempotentResult {
    public func idempotencyPayload() throws -> IdempotencyPayload {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return IdempotencyPayload(String(decoding: try encoder.encode(StoredResponse(self)), as: UTF8.self))
    }

    public init(idempotencyPayload payload: IdempotencyPayload) throws {
        self = try StoredResponse.decode(Data(payload.text.utf8)).response
    }
}
