import Foundation
import HTTPTypes
import HaVipModel
import Hummingbird
import HummingbirdTesting
import Testing

/// The HTTP surface: which route answers what, through which middleware, and that every failure on the RPC
/// surface is the one Alibaba error envelope, byte for byte.
@Suite struct RoutingTests {
    static let firstRequestId = "00000000-0000-4000-8000-000000000001"
    static let requestIdHeader = HTTPField.Name("x-acs-request-id")!

    /// The envelope as JSON, exactly: field order, escaping, the `Recommend` link.
    static func jsonEnvelope(_ code: String, _ message: String, product: String = "Vpc", requestId: String = firstRequestId) -> String {
        #"{"RequestId":"\#(requestId)","HostId":"localhost","Code":"\#(code)","Message":"\#(message)","Recommend":"https://api.aliyun.com/troubleshoot?q=\#(code)&product=\#(product)&requestId=\#(requestId)"}"#
    }

    @Test(arguments: ["/no/such/path", "/_havipx", "/Action", "/no/such/path?Format=XML&Action=DescribeRegions"])
    func anUnknownPathIsAnUnknownActionInJSON(uri: String) async throws {
        try await TestServer().run { client in
            for method: HTTPRequest.Method in [.get, .post, .put] {
                try await client.execute(uri: uri, method: method) { response in
                    #expect(response.status == .notFound)
                    #expect(response.headers[.contentType] == "application/json;charset=utf-8")
                    let requestId = try #require(response.headers[Self.requestIdHeader])
                    #expect(
                        response.text
                            == Self.jsonEnvelope(
                                "InvalidAction.NotFound", "Specified api is not found, please check your url and method.", requestId: requestId))
                }
            }
        }
    }

    @Test func aMethodOtherThanGetOrPostOnTheRPCPathIsUnsupported() async throws {
        let server = TestServer()
        try await server.run { client in
            // Checked before anything else: a signed request with Format=XML is still refused, in JSON.
            let query = server.v1Query("DescribeRegions", format: "XML")
            for method: HTTPRequest.Method in [.put, .delete, .patch, .options, HTTPRequest.Method("PURGE")!] {
                try await client.execute(uri: "/?" + query, method: method) { response in
                    #expect(response.status.code == 403)
                    let requestId = try #require(response.headers[Self.requestIdHeader])
                    #expect(response.text == Self.jsonEnvelope("UnsupportedHTTPMethod", "This http method not supported.", requestId: requestId))
                }
            }
        }
    }

    /// Authentication runs after the format and the action are read: its failures come in the format asked
    /// for, naming the action's product.
    @Test func authenticationFailuresComeInTheRequestsFormatAndProduct() async throws {
        let server = TestServer()
        try await server.run { client in
            let wrongSecret = AccessKey(id: "testid", secret: "nope")
            let query = server.v1Query("DescribeInstances", [("RegionId", "cn-hangzhou")], version: "2014-05-26", key: wrongSecret, format: "XML")
            try await client.execute(uri: "/?" + query, method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.headers[.contentType] == "text/xml;charset=utf-8")
                #expect(response.text.contains("<Code>SignatureDoesNotMatch</Code>"))
                #expect(response.text.contains("product=Ecs&amp;requestId=\(Self.firstRequestId)</Recommend></Error>"))
            }
            try await client.execute(uri: "/?Action=GetCallerIdentity&Version=2015-04-01&Format=xml", method: .get) { response in
                #expect(response.status == .badRequest)
                #expect(response.text.contains("<Code>MissingParameter</Code>"))
                #expect(response.text.contains("product=Sts&amp;"))
            }
        }
    }

    /// The action is looked up before the signature is checked: an unknown action is reported as such even
    /// unsigned, and a request that cannot be decoded is refused before its signature is looked at.
    @Test func theActionIsFoundBeforeTheCallerIsAuthenticated() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/?Action=DescribeNothing&Version=2016-04-28", method: .get) { response in
                try response.expectError(404, "InvalidAction.NotFound")
            }
            try await client.execute(uri: "/?Action=DescribeRegions&Version=2016-04-28&Format=YAML", method: .get) { response in
                try response.expectError(400, "InvalidParameter")
            }
            try await client.execute(uri: "/?Action=DescribeRegions&Version=2016-04-28", method: .get) { response in
                try response.expectError(400, "MissingParameter")
                #expect(try response.json["Message"] as? String == #"The input parameter "AccessKeyId" that is mandatory for processing this request is not supplied."#)
            }
        }
    }

    @Test func healthIsOpenAndAnswersTheSameJSON() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/_havip/health", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.text == #"{"status":"ok","store":"memory"}"#)
                #expect(response.headers[.contentType] == "application/json;charset=utf-8")
                #expect(response.headers[Self.requestIdHeader] == nil)
            }
        }
    }

    @Test(arguments: [
        (HTTPRequest.Method.get, "/_havip/unknown"), (.get, "/_havip"), (.put, "/_havip/snapshots/a/restore"), (.delete, "/_havip/health"),
        (.post, "/_havip/health"),
    ])
    func whatNoControlEndpointAnswersIsTheControlAPIs404(method: HTTPRequest.Method, path: String) async throws {
        try await TestServer().run { client in
            try await client.execute(uri: path + "?Format=XML", method: method) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/json;charset=utf-8")
                #expect(response.headers[Self.requestIdHeader] == nil)
                #expect(response.text == #"{"error":"NotFound","detail":"no control endpoint answers \#(method.rawValue) \#(path)"}"#)
            }
        }
    }

    @Test func aStoreThatIsDownIsServiceUnavailableAndHealthSaysSo() async throws {
        let server = TestServer()
        try await server.run(store: FailingStore(error: StoreError.unavailable("connection refused"))) { client in
            try await client.execute(uri: "/?" + server.v1Query("DescribeVpcs", [("RegionId", "cn-hangzhou")]), method: .get) { response in
                try response.expectError(503, "ServiceUnavailable")
                #expect(!response.text.contains("connection refused"))
            }
            try await client.execute(uri: "/_havip/health", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                #expect(response.text == #"{"status":"unavailable","store":"failing"}"#)
            }
        }
    }

    /// Anything thrown that is not a catalogue error is `InternalError`, logged with the request ID; its
    /// text never reaches the client.
    @Test func anyOtherFailureIsAnInternalErrorLoggedWithTheRequestId() async throws {
        struct Broken: Error, CustomStringConvertible {
            var description: String { "the secret internals" }
        }
        let server = TestServer()
        let log = CapturedLog()
        try await server.run(store: FailingStore(error: Broken()), logger: log.logger()) { client in
            try await client.execute(uri: "/?" + server.v1Query("DescribeVpcs", [("RegionId", "cn-hangzhou")], format: "XML"), method: .get) {
                response in
                #expect(response.status == .internalServerError)
                #expect(response.headers[.contentType] == "text/xml;charset=utf-8")
                #expect(response.text.contains("<Code>InternalError</Code>"))
                #expect(!response.text.contains("secret internals"))
                let requestId = try #require(response.headers[Self.requestIdHeader])
                let failure = try #require(log.all.first { $0.message == "request failed" })
                #expect(failure.level == .error)
                #expect(failure.metadata["requestId"] == requestId)
                #expect(failure.metadata["error"]?.contains("secret internals") == true)
            }
        }
    }
}
