import Foundation
import HTTPTypes
import HaVipModel
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Calls of the control API and of the RPC API for the control tests.
struct ControlCaller {
    let server: TestServer
    let client: any TestClientProtocol

    /// A control request with the admin token (or `token`), a JSON body when given; answers the response.
    @discardableResult
    func control(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, token: String? = AdminToken.development
    ) async throws -> TestResponse {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        return try await client.execute(
            uri: "/_havip/" + path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    }

    /// The control answer's JSON object, checking its status first.
    func json(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, status: HTTPResponse.Status = .ok,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let response = try await control(method, path, body)
        #expect(response.status == status, "\(response.text)", sourceLocation: sourceLocation)
        return try response.json
    }

    /// Expects the control API's refusal: the status and `{"error": code, …}`; answers the detail.
    @discardableResult
    func refused(
        _ method: HTTPRequest.Method, _ path: String, _ body: String? = nil, status: Int, code: String, token: String? = AdminToken.development,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        let response = try await control(method, path, body, token: token)
        #expect(response.status.code == status, "\(response.text)", sourceLocation: sourceLocation)
        #expect(response.headers[.contentType] == "application/json;charset=utf-8", sourceLocation: sourceLocation)
        let json = try response.json
        #expect(json["error"] as? String == code, "\(response.text)", sourceLocation: sourceLocation)
        #expect(Set(json.keys) == ["error", "detail"], sourceLocation: sourceLocation)
        return json["detail"] as? String ?? ""
    }

    /// A V1-signed RPC call with the test key (or `key`); answers the response.
    func rpc(_ action: String, _ parameters: [(name: String, value: String)] = [], version: String = "2016-04-28", key: AccessKey = TestServer.key)
        async throws -> TestResponse
    {
        try await client.execute(uri: "/?" + server.v1Query(action, parameters, version: version, key: key), method: .get)
    }

    /// A successful RPC call's JSON.
    func call(
        _ action: String, _ parameters: [(name: String, value: String)] = [], version: String = "2016-04-28", key: AccessKey = TestServer.key,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> [String: Any] {
        let response = try await rpc(action, parameters, version: version, key: key)
        #expect(response.status == .ok, "\(response.text)", sourceLocation: sourceLocation)
        return try response.json
    }

    /// The HaVips DescribeHaVips lists in cn-hangzhou for the test key.
    func haVips(key: AccessKey = TestServer.key) async throws -> [[String: Any]] {
        let body = try await call("DescribeHaVips", [("RegionId", "cn-hangzhou")], key: key)
        return (body["HaVips"] as? [String: Any])?["HaVip"] as? [[String: Any]] ?? []
    }

    func vpcCount(key: AccessKey = TestServer.key) async throws -> Int {
        try await call("DescribeVpcs", [("RegionId", "cn-hangzhou")], key: key)["TotalCount"] as? Int ?? -1
    }

    /// A world of one VPC, one vSwitch, two running instances and a HaVip associated with both (web1 the master).
    func world(account: String = TestServer.key.account.rawValue) async throws -> [String: [String: String]] {
        let body = try await json(.post, "world", Self.worldDocument(account: account), status: .created)
        return body.compactMapValues { $0 as? [String: String] }
    }

    static func worldDocument(account: String) -> String {
        #"{"account": "\#(account)", "region": "cn-hangzhou", "vpcs": [{"name": "prod", "cidr": "10.0.0.0/16", "vswitches": [{"name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24", "instances": [{"name": "web1"}, {"name": "web2"}], "havips": [{"name": "vip", "associate": ["web1", "web2"], "eip": true}]}]}]}"#
    }
}

extension TestServer {
    /// Runs `body` with a ``ControlCaller`` on the application.
    func control(
        store: (any HaVipStore)? = nil, metrics: Bool = true, _ body: @escaping @Sendable (ControlCaller) async throws -> Void
    ) async throws {
        try await run(store: store, metrics: metrics) { client in try await body(ControlCaller(server: self, client: client)) }
    }
}
