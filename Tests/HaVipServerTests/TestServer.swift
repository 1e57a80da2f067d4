import Foundation
import HTTPTypes
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Logging
import RPCWire
import Testing

/// A server on an in-memory store with a manual clock, two strict keys, and helpers that sign requests.
struct TestServer {
    static let key = AccessKey(id: "testid", secret: "testsecret", account: AccountID("1111111111111111"))
    static let otherKey = AccessKey(id: "otherid", secret: "othersecret", account: AccountID("2222222222222222"))

    let clock = ManualClock()
    let mode: AuthMode
    private let nonceCounter = SequentialIDGenerator()

    init(mode: AuthMode = .strict) {
        self.mode = mode
    }

    var timestamp: String { Timestamp.format(Int64(clock.now())) }

    func nonce() -> String { "nonce-" + nonceCounter.requestId() }

    /// Runs `body` against the application on `store` (a fresh in-memory SQLite store by default), in process.
    func run(
        store: (any HaVipStore)? = nil, logger: Logger = Logger(label: "havip-test"), metrics: Bool = true,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let configuration = ServerConfiguration(
            store: try store ?? SQLiteStore.inMemory(), keys: KeyRing(keys: [Self.key, Self.otherKey], mode: mode), clock: clock,
            ids: SequentialIDGenerator(), metricsEnabled: metrics, logger: logger)
        try await HaVipServer.makeApplication(configuration).test(.router, body)
    }

    /// A V1 query string: business parameters plus the common ones, signed with `key`.
    func v1Query(
        _ action: String, _ parameters: [(name: String, value: String)] = [], version: String = "2016-04-28",
        key: AccessKey = TestServer.key, method: String = "GET", timestamp: String? = nil, nonce: String? = nil, format: String = "JSON"
    ) -> String {
        let signed = RequestSigner(accessKeyId: key.id, secret: key.secret).signV1(
            method: method, action: action, version: version, parameters: parameters, timestamp: timestamp ?? self.timestamp,
            nonce: nonce ?? self.nonce(), format: format)
        return Self.encode(signed)
    }

    /// V3 headers for a POST with the business parameters in the query.
    func v3Headers(
        _ action: String, query: [(name: String, value: String)], version: String = "2016-04-28", key: AccessKey = TestServer.key,
        body: [UInt8] = [], nonce: String? = nil
    ) -> HTTPFields {
        let signed = RequestSigner(accessKeyId: key.id, secret: key.secret).signV3(
            method: "POST", host: "localhost", action: action, version: version, query: query, body: body,
            timestamp: timestamp, nonce: nonce ?? self.nonce())
        var fields = HTTPFields()
        for (name, value) in signed where name != "host" { fields[HTTPField.Name(name)!] = value }
        return fields
    }

    static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
    }
}

extension TestResponse {
    /// The JSON body as a dictionary.
    var json: [String: Any] {
        get throws {
            try #require(JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
        }
    }

    var text: String { String(buffer: body) }

    /// Checks the Alibaba error envelope: status, code, and that the request ID matches the header.
    func expectError(_ status: Int, _ code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(self.status.code == status, "\(text)", sourceLocation: sourceLocation)
        let body = try json
        #expect(body["Code"] as? String == code, "\(text)", sourceLocation: sourceLocation)
        #expect(body["RequestId"] as? String == headers[HTTPField.Name("x-acs-request-id")!], sourceLocation: sourceLocation)
        #expect(body["HostId"] as? String == "localhost", sourceLocation: sourceLocation)
        #expect((body["Recommend"] as? String)?.contains("q=\(code)") == true, sourceLocation: sourceLocation)
        #expect(headers[.contentType] == "application/json;charset=utf-8", sourceLocation: sourceLocation)
    }
}
