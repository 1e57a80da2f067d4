import Foundation
import HTTPTypes
import HaVipModel
import Hummingbird
import HummingbirdTesting
import RPCWire
import Testing

@Suite struct WireProtocolTests {
    @Test func v1GetAnswersJSONWithRequestIdHeader() async throws {
        let server = TestServer()
        try await server.run { client in
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions"), method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json;charset=utf-8")
                let body = try response.json
                #expect(body["RequestId"] as? String == response.headers[HTTPField.Name("x-acs-request-id")!])
                let regions = try #require((body["Regions"] as? [String: Any])?["Region"] as? [[String: Any]])
                #expect(regions.contains { $0["RegionId"] as? String == "cn-hangzhou" && $0["RegionEndpoint"] as? String == "vpc.aliyuncs.com" })
                #expect(regions.contains { $0["RegionId"] as? String == "ap-southeast-1" && $0["RegionEndpoint"] as? String == "vpc.ap-southeast-1.aliyuncs.com" })
            }
        }
    }

    @Test func xmlFormatRendersTheSameTree() async throws {
        let server = TestServer()
        try await server.run { client in
            let query = server.v1Query("DescribeZones", [("RegionId", "cn-hangzhou"), ("AcceptLanguage", "en-US")], format: "xml")
            try await client.execute(uri: "/?" + query, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/xml;charset=utf-8")
                #expect(response.text.hasPrefix(#"<?xml version="1.0" encoding="UTF-8"?><DescribeZonesResponse><RequestId>"#))
                #expect(response.text.contains("<Zones><Zone><ZoneId>cn-hangzhou-"))
                #expect(response.text.contains("<LocalName>Hangzhou Zone"))
            }
        }
    }

    @Test func xmlErrorsUseTheErrorRoot() async throws {
        let server = TestServer()
        try await server.run { client in
            let query = server.v1Query("DescribeZones", [("RegionId", "xx-nowhere-1")], format: "XML")
            try await client.execute(uri: "/?" + query, method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "text/xml;charset=utf-8")
                let id = "00000000-0000-4000-8000-000000000001"
                #expect(response.headers[HTTPField.Name("x-acs-request-id")!] == id)
                #expect(
                    response.text
                        == #"<?xml version="1.0" encoding="UTF-8"?><Error><RequestId>\#(id)</RequestId><HostId>localhost</HostId>"#
                        + #"<Code>InvalidRegionId.NotFound</Code><Message>The RegionId provided does not exist in our records.</Message>"#
                        + #"<Recommend>https://api.aliyun.com/troubleshoot?q=InvalidRegionId.NotFound&amp;product=Vpc&amp;requestId=\#(id)</Recommend></Error>"#
                )
            }
        }
    }

    @Test func v3SignedPostWithQueryParameters() async throws {
        let server = TestServer()
        try await server.run { client in
            let query: [(name: String, value: String)] = [("RegionId", "cn-beijing"), ("AcceptLanguage", "en-US")]
            let headers = server.v3Headers("DescribeZones", query: query)
            try await client.execute(uri: "/?" + TestServer.encode(query), method: .post, headers: headers) { response in
                #expect(response.status == .ok, "\(response.text)")
                let zones = try #require((try response.json["Zones"] as? [String: Any])?["Zone"] as? [[String: Any]])
                #expect(zones.allSatisfy { ($0["ZoneId"] as? String)?.hasPrefix("cn-beijing-") == true })
            }
        }
    }

    @Test func v3TamperedQueryOrBodyHashIsRejected() async throws {
        let server = TestServer()
        try await server.run { client in
            let headers = server.v3Headers("DescribeZones", query: [("RegionId", "cn-beijing")])
            try await client.execute(uri: "/?RegionId=cn-hangzhou", method: .post, headers: headers) { response in
                try response.expectError(400, "SignatureDoesNotMatch")
                #expect((try response.json["Message"] as? String)?.contains("server string to sign is:ACS3-HMAC-SHA256\n") == true)
            }
            let signedForEmpty = server.v3Headers("DescribeZones", query: [("RegionId", "cn-beijing")])
            try await client.execute(
                uri: "/?RegionId=cn-beijing", method: .post, headers: signedForEmpty, body: ByteBuffer(string: "extra")
            ) { response in
                try response.expectError(400, "SignatureDoesNotMatch")
            }
        }
    }

    @Test func v3UnsignedAcsHeaderIsIncomplete() async throws {
        let server = TestServer()
        try await server.run { client in
            var headers = server.v3Headers("DescribeRegions", query: [])
            headers[HTTPField.Name("x-acs-extra")!] = "1"
            try await client.execute(uri: "/", method: .post, headers: headers) { response in
                try response.expectError(400, "IncompleteSignature")
            }
            var broken = server.v3Headers("DescribeRegions", query: [])
            broken[.authorization] = "ACS3-HMAC-SHA256 Credential=testid"
            try await client.execute(uri: "/", method: .post, headers: broken) { response in
                try response.expectError(400, "IncompleteSignature")
            }
        }
    }

    @Test func v1FormBodyAsTerraformSendsIt() async throws {
        let server = TestServer()
        try await server.run { client in
            let business: [(name: String, value: String)] = [("RegionId", "cn-hangzhou"), ("Odd", "a b*c~/+=&%é中")]
            let all = RequestSigner(accessKeyId: "testid", secret: "testsecret").signV1(
                method: "POST", action: "DescribeZones", version: "2016-04-28", parameters: business,
                timestamp: server.timestamp, nonce: server.nonce(), format: "json")
            let query = TestServer.encode(all.filter { name, _ in !business.contains { $0.name == name } })
            let form = business.map { "\($0.name)=\(PercentEncoding.encode($0.value).replacingOccurrences(of: "%20", with: "+"))" }.joined(separator: "&")
            try await client.execute(
                uri: "/?" + query, method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .ok, "\(response.text)")
            }
        }
    }

    @Test func authenticationErrors() async throws {
        let server = TestServer()
        try await server.run { client in
            let wrongSecret = AccessKey(id: "testid", secret: "nope")
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", key: wrongSecret), method: .get) { response in
                try response.expectError(400, "SignatureDoesNotMatch")
                let message = try #require(try response.json["Message"] as? String)
                #expect(message.hasPrefix("Specified signature is not matched with our calculation. server string to sign is:GET&%2F&"))
            }
            let unknown = AccessKey(id: "nobody", secret: "x")
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", key: unknown), method: .get) { response in
                try response.expectError(404, "InvalidAccessKeyId.NotFound")
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: "fixed"), method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: "fixed"), method: .get) { response in
                try response.expectError(400, "SignatureNonceUsed")
            }
            let now = Int64(server.clock.now())
            for skew: Int64 in [-901, 901] {
                let query = server.v1Query("DescribeRegions", timestamp: Timestamp.format(now + skew))
                try await client.execute(uri: "/?" + query, method: .get) { response in
                    try response.expectError(400, "InvalidTimeStamp.Expired")
                }
            }
            let edge = server.v1Query("DescribeRegions", timestamp: Timestamp.format(now - 900))
            try await client.execute(uri: "/?" + edge, method: .get) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", timestamp: "2024-01-01 12:00:00"), method: .get) { response in
                try response.expectError(400, "InvalidTimeStamp.Format")
            }
            try await client.execute(uri: "/?Action=DescribeRegions&Version=2016-04-28", method: .get) { response in
                try response.expectError(400, "MissingParameter")
                let body = try response.json
                #expect(body["Message"] as? String == #"The input parameter "AccessKeyId" that is mandatory for processing this request is not supplied."#)
            }
        }
    }

    @Test func aNonceIsPerKeyAndFreeAgainAfterItsWindow() async throws {
        let server = TestServer()
        try await server.run { client in
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: "n1"), method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", key: TestServer.otherKey, nonce: "n1"), method: .get) {
                #expect($0.status == .ok)
            }
            server.clock.advance(by: 16 * 60)
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: "n1"), method: .get) { #expect($0.status == .ok) }
        }
    }

    @Test func actionAndVersionErrors() async throws {
        let server = TestServer()
        try await server.run { client in
            try await client.execute(uri: "/?" + server.v1Query("DescribeNothing"), method: .get) { response in
                try response.expectError(404, "InvalidAction.NotFound")
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeHaVips", [("RegionId", "cn-hangzhou")], version: "2014-05-26"), method: .get) {
                response in
                try response.expectError(400, "InvalidParameter")
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions") + "&Format=YAML", method: .get) { response in
                try response.expectError(400, "InvalidParameter")
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeZones"), method: .get) { response in
                try response.expectError(400, "MissingParameter")
            }
            try await client.execute(uri: "/somewhere", method: .get) { response in
                try response.expectError(404, "InvalidAction.NotFound")
            }
            try await client.execute(uri: "/", method: .delete) { response in
                try response.expectError(403, "UnsupportedHTTPMethod")
            }
            var mismatched = server.v3Headers("DescribeRegions", query: [("Action", "DescribeZones")])
            mismatched[HTTPField.Name("x-acs-version")!] = "2016-04-28"
            try await client.execute(uri: "/?Action=DescribeZones", method: .post, headers: mismatched) { response in
                try response.expectError(400, "InvalidParameter")
            }
        }
    }

    @Test func malformedInputGets400NeverA500() async throws {
        let server = TestServer()
        try await server.run { client in
            for query in ["a=%zz", "a=%ff", "%C3%28=1", "Tag.0.Key=x"] {
                try await client.execute(uri: "/?" + query + "&" + server.v1Query("DescribeRegions"), method: .get) { response in
                    #expect(response.status.code == 400, "\(query): \(response.text)")
                }
            }
            let many = (0..<5_000).map { "p\($0)=1" }.joined(separator: "&")
            try await client.execute(uri: "/?" + many, method: .get) { response in
                try response.expectError(400, "InvalidParameter.TooLarge")
            }
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: 2 << 20)
            try await client.execute(uri: "/", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: huge) { response in
                try response.expectError(400, "InvalidParameter.TooLarge")
            }
            try await client.execute(uri: "/_havip/health", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test func stsAnswersWhoTheCallerIs() async throws {
        let server = TestServer()
        try await server.run { client in
            try await client.execute(uri: "/?" + server.v1Query("GetCallerIdentity", version: "2015-04-01", key: TestServer.otherKey), method: .get) {
                response in
                let body = try response.json
                #expect(body["AccountId"] as? String == "2222222222222222")
                #expect(body["Arn"] as? String == "acs:ram::2222222222222222:root")
                #expect(body["IdentityType"] as? String == "Account")
            }
        }
    }

    @Test func permissiveModeAcceptsAnyKeyButStillChecksTimeAndNonce() async throws {
        let server = TestServer(mode: .permissive)
        try await server.run { client in
            let stranger = AccessKey(id: "whoever", secret: "whatever")
            let query = server.v1Query("GetCallerIdentity", version: "2015-04-01", key: stranger, nonce: "same")
            try await client.execute(uri: "/?" + query, method: .get) { response in
                let body = try response.json
                #expect(body["AccountId"] as? String == "whoever")
            }
            try await client.execute(uri: "/?" + query, method: .get) { response in
                try response.expectError(400, "SignatureNonceUsed")
            }
            let wrongSecretKnownKey = AccessKey(id: "testid", secret: "nope")
            let known = server.v1Query("GetCallerIdentity", version: "2015-04-01", key: wrongSecretKnownKey)
            try await client.execute(uri: "/?" + known, method: .get) { response in
                let body = try response.json
                #expect(body["AccountId"] as? String == "1111111111111111", "a configured key keeps its account")
            }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", timestamp: "2020-01-01T00:00:00Z"), method: .get) { response in
                try response.expectError(400, "InvalidTimeStamp.Expired")
            }
        }
    }

    @Test func healthReportsTheStore() async throws {
        try await TestServer().run { client in
            try await client.execute(uri: "/_havip/health", method: .get) { response in
                #expect(response.status == .ok)
                let body = try response.json
                #expect(body["store"] as? String == "memory")
            }
        }
    }
}

@Suite struct SignedContentTypeTests {
    /// With a body, the content type decides which parameters are read, so a V3 request must sign it.
    @Test func aV3BodyWithAnUnsignedContentTypeIsIncomplete() async throws {
        let server = TestServer()
        try await server.run { client in
            let body = Array("AcceptLanguage=en-US".utf8)
            var headers = server.v3Headers("DescribeRegions", query: [], body: body)
            headers[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/", method: .post, headers: headers, body: ByteBuffer(bytes: body)) { response in
                try response.expectError(400, "IncompleteSignature")
            }
        }
    }
}
