import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// How a request's `Action` and `Version` find its action, and which product an error's `Recommend` names
/// (docs/compatibility.md, "Action and Version"): the version picks the product, as the endpoint's host does on
/// the real cloud; a version no product serves is `InvalidVersion`; an action the version's product lacks is
/// `InvalidAction.NotFound`, whatever other products have. The product is known from the version (else from
/// an action name only one product has) before the action is found, so every error names it.
@Suite struct ActionVersionTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let action: String
        let version: String
        let status: Int
        let code: String
        let product: String

        var testDescription: String { "\(action) \(version)" }

        var message: String {
            code == "InvalidVersion" ? "Specified parameter Version is not valid." : "Specified api is not found, please check your url and method."
        }
    }

    static let cases: [Case] = [
        // (a) a version no product serves: the product from the only one with an action of that name, else Vpc
        Case(action: "DescribeHaVips", version: "2099-01-01", status: 400, code: "InvalidVersion", product: "Vpc"),
        Case(action: "GetCallerIdentity", version: "2016-04-29", status: 400, code: "InvalidVersion", product: "Sts"),
        Case(action: "DescribeInstances", version: "2014-05-27", status: 400, code: "InvalidVersion", product: "Ecs"),
        Case(action: "DescribeNothing", version: "1.0", status: 400, code: "InvalidVersion", product: "Vpc"),
        // (b) a real version, an action its product does not have
        Case(action: "DescribeNothing", version: "2014-05-26", status: 404, code: "InvalidAction.NotFound", product: "Ecs"),
        Case(action: "DescribeNothing", version: "2015-04-01", status: 404, code: "InvalidAction.NotFound", product: "Sts"),
        Case(action: "DescribeNothing", version: "2016-04-28", status: 404, code: "InvalidAction.NotFound", product: "Vpc"),
        // (c) one product's action under another product's version
        Case(action: "DescribeHaVips", version: "2014-05-26", status: 404, code: "InvalidAction.NotFound", product: "Ecs"),
        Case(action: "GetCallerIdentity", version: "2016-04-28", status: 404, code: "InvalidAction.NotFound", product: "Vpc"),
        Case(action: "DescribeInstances", version: "2015-04-01", status: 404, code: "InvalidAction.NotFound", product: "Sts"),
    ]

    @Test(arguments: cases)
    func signedV1(_ expected: Case) async throws {
        let server = TestServer()
        try await server.run { client in
            let query = server.v1Query(expected.action, [("RegionId", "cn-hangzhou")], version: expected.version)
            try await client.execute(uri: "/?" + query, method: .get) { response in
                try Self.expectEnvelope(response, expected.status, expected.code, expected.message, product: expected.product)
            }
        }
    }

    @Test(arguments: cases)
    func signedV3(_ expected: Case) async throws {
        let server = TestServer()
        try await server.run { client in
            let query: [(name: String, value: String)] = [("RegionId", "cn-hangzhou")]
            let headers = server.v3Headers(expected.action, query: query, version: expected.version)
            try await client.execute(uri: "/?" + TestServer.encode(query), method: .post, headers: headers) { response in
                try Self.expectEnvelope(response, expected.status, expected.code, expected.message, product: expected.product)
            }
        }
    }

    /// Errors raised before the action is found still name the product of the request's version.
    @Test func errorsBeforeTheActionIsFoundNameTheVersionsProduct() async throws {
        let server = TestServer()
        try await server.run { client in
            try await client.execute(uri: "/?Version=2014-05-26", method: .get) { response in
                try Self.expectEnvelope(
                    response, 400, "MissingParameter", #"The input parameter \"Action\" that is mandatory for processing this request is not supplied."#,
                    product: "Ecs")
            }
            try await client.execute(uri: "/?Action=GetCallerIdentity&Version=2015-04-01&Format=YAML", method: .get) { response in
                try Self.expectEnvelope(response, 400, "InvalidParameter", #"The specified parameter \"Format\" is not valid."#, product: "Sts")
            }
            // The action comes from the parameter and the header, which differ; the version is ECS's.
            var mismatched = HTTPFields()
            mismatched[HTTPField.Name("x-acs-action")!] = "DescribeVpcs"
            try await client.execute(uri: "/?Action=DescribeInstances&Version=2014-05-26", method: .get, headers: mismatched) { response in
                try Self.expectEnvelope(response, 400, "InvalidParameter", #"The specified parameter \"Action or Version\" is not valid."#, product: "Ecs")
            }
            // V3 names the version in a header, read even when the query cannot be.
            let headers = server.v3Headers("DescribeInstances", query: [], version: "2014-05-26")
            try await client.execute(uri: "/?Bad=%zz", method: .post, headers: headers) { response in
                try Self.expectProduct(response, 400, "InvalidParameter.Malformed", "Ecs")
            }
            try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(repeating: 0x61, count: 2 * 1024 * 1024)) { response in
                try Self.expectProduct(response, 400, "InvalidParameter.TooLarge", "Ecs")
            }
            // A signature that does not match, on an ECS request signed V3: the action is known by then.
            var tampered = server.v3Headers("DescribeInstances", query: [("RegionId", "cn-hangzhou")], version: "2014-05-26")
            tampered[HTTPField.Name("x-acs-signature-nonce")!] = "not-what-was-signed"
            try await client.execute(uri: "/?RegionId=cn-hangzhou", method: .post, headers: tampered) { response in
                try Self.expectProduct(response, 400, "SignatureDoesNotMatch", "Ecs")
            }
        }
    }

    static func expectEnvelope(
        _ response: TestResponse, _ status: Int, _ code: String, _ message: String, product: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        #expect(response.status.code == status, sourceLocation: sourceLocation)
        let requestId = try #require(response.headers[RoutingTests.requestIdHeader], sourceLocation: sourceLocation)
        #expect(
            response.text == RoutingTests.jsonEnvelope(code, message, product: product, requestId: requestId), sourceLocation: sourceLocation)
    }

    /// The status, the code and the product of `Recommend` (for errors whose message is not the point).
    static func expectProduct(
        _ response: TestResponse, _ status: Int, _ code: String, _ product: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let body = try response.json
        let requestId = try #require(response.headers[RoutingTests.requestIdHeader], sourceLocation: sourceLocation)
        #expect(response.status.code == status, sourceLocation: sourceLocation)
        #expect(body["Code"] as? String == code, sourceLocation: sourceLocation)
        #expect(
            body["Recommend"] as? String == "https://api.aliyun.com/troubleshoot?q=\(code)&product=\(product)&requestId=\(requestId)",
            sourceLocation: sourceLocation)
    }
}
