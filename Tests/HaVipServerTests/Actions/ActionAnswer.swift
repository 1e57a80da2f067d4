import Foundation
import HTTPTypes
import HaVipModel
import Hummingbird
import HummingbirdTesting
import NIOCore
import RPCWire
import Testing

/// What the server answered one request: the status, the JSON body and the request ID header.
struct ActionAnswer: Sendable {
    let status: Int
    let body: JSONValue
    let text: String
    let requestIdHeader: String?
    let contentType: String?

    init(_ response: TestResponse) throws {
        status = response.status.code
        text = String(buffer: response.body)
        body = try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        requestIdHeader = response.headers[HTTPField.Name("x-acs-request-id")!]
        contentType = response.headers[.contentType]
    }

    /// Checks the Alibaba error envelope for exactly `error`: status, `Code`, `Message`, the request ID in
    /// the body and the header, `HostId`, and a `Recommend` link that names the code.
    func expect(_ error: APIError, sourceLocation: SourceLocation) {
        #expect(status == error.httpStatus, "\(text)", sourceLocation: sourceLocation)
        #expect(body["Code"]?.string == error.code, "\(text)", sourceLocation: sourceLocation)
        #expect(body["Message"]?.string == error.message, "\(text)", sourceLocation: sourceLocation)
        #expect(body["RequestId"]?.string != nil && body["RequestId"]?.string == requestIdHeader, sourceLocation: sourceLocation)
        #expect(body["HostId"]?.string == "localhost", sourceLocation: sourceLocation)
        #expect(body["Recommend"]?.string?.contains("q=\(error.code)") == true, "\(text)", sourceLocation: sourceLocation)
        #expect(contentType == "application/json;charset=utf-8", sourceLocation: sourceLocation)
    }
}

extension JSONValue {
    /// The items of one of Alibaba's wrapped lists, `{"HaVips": {"HaVip": [...]}}`: `answer.items("HaVips")`.
    func items(_ collection: String) -> [JSONValue] {
        guard case .object(let wrapper)? = self[collection], wrapper.count == 1 else { return [] }
        return wrapper.values.first?.array ?? []
    }

    /// The strings of a wrapped list of strings, `{"VSwitchIds": {"VSwitchId": ["vsw-1"]}}`.
    func strings(_ collection: String) -> [String] { items(collection).compactMap(\.string) }

    /// An object's member names, sorted.
    var keys: [String] {
        if case .object(let members) = self { members.keys.sorted() } else { [] }
    }

    /// A wrapped list of VPC tags (`Key`/`Value`) or ECS tags (`TagKey`/`TagValue`) as a dictionary.
    var tags: [String: String] {
        var tags: [String: String] = [:]
        for tag in items("Tags") {
            if let key = (tag["Key"] ?? tag["TagKey"])?.string { tags[key] = (tag["Value"] ?? tag["TagValue"])?.string }
        }
        return tags
    }

    /// The object without one member (the `RequestId` of two answers that must otherwise agree).
    func removing(_ key: String) -> JSONValue {
        guard case .object(var members) = self else { return self }
        members[key] = nil
        return .object(members)
    }
}
