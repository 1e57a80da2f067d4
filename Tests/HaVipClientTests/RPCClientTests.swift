import Foundation
import HaVipClient
import RPCWire
import Testing

@Suite struct RPCClientTests {
    @Test(arguments: SignatureStyle.allCases)
    func callsSucceedWithEitherSignature(signature: SignatureStyle) async throws {
        try await LiveServer.run { connection in
            let rpc = LiveServer.rpc(connection, signature)
            let created = try await rpc.call(
                .vpc, "CreateVpc", ["RegionId": "cn-hangzhou", "CidrBlock": "10.0.0.0/16", "VpcName": "client test é/+*"])
            #expect(created.status == 200)
            let vpcId = try #require(created.json["VpcId"]?.string)
            #expect(vpcId.hasPrefix("vpc-"))
            #expect(created.requestId?.isEmpty == false)

            let described = try await rpc.call(.vpc, "DescribeVpcs", [("RegionId", "cn-hangzhou"), ("VpcId", vpcId)])
            let vpc = try #require(described.json["Vpcs"]?["Vpc"]?[0])
            #expect(vpc["VpcName"]?.string == "client test é/+*")
            #expect(vpc["CidrBlock"]?.string == "10.0.0.0/16")

            let identity = try await rpc.call(.sts, "GetCallerIdentity")
            #expect(identity.json["AccountId"]?.string == "3333333333333333")
            let groups = try await rpc.call(.ecs, "DescribeSecurityGroups", ["RegionId": "cn-beijing"])
            #expect(groups.json["TotalCount"]?.integer == 0)
        }
    }

    @Test func theBodyIsKeptAsSentAndDecodes() async throws {
        struct Regions: Decodable {
            struct List: Decodable { let Region: [Region] }
            struct Region: Decodable { let RegionId: String }
            let RequestId: String
            let Regions: List
        }
        try await LiveServer.run { connection in
            let answer = try await LiveServer.rpc(connection, .v3).call(.vpc, "DescribeRegions")
            #expect(String(decoding: answer.body, as: UTF8.self).hasPrefix(#"{"RequestId":""#))
            let regions = try answer.decode(Regions.self)
            #expect(regions.RequestId == answer.requestId)
            #expect(regions.Regions.Region.contains { $0.RegionId == "cn-hangzhou" })
        }
    }

    @Test(arguments: SignatureStyle.allCases)
    func errorEnvelopesBecomeRPCErrors(signature: SignatureStyle) async throws {
        try await LiveServer.run { connection in
            let rpc = LiveServer.rpc(connection, signature)
            let notFound = await #expect(throws: RPCError.self) {
                try await rpc.call(.vpc, "DescribeHaVips", ["RegionId": "xx-nowhere-1"])
            }
            #expect(notFound?.code == "InvalidRegionId.NotFound")
            #expect(notFound?.httpStatus == 404)
            #expect(notFound?.message == "The RegionId provided does not exist in our records.")
            #expect(notFound?.requestId?.isEmpty == false)
            #expect(notFound?.recommend?.contains("q=InvalidRegionId.NotFound") == true)

            let unknownAction = await #expect(throws: RPCError.self) { try await rpc.call(.vpc, "DescribeNothing") }
            #expect(unknownAction?.code == "InvalidAction.NotFound")
            #expect(unknownAction?.httpStatus == 404)

            let badSecret = await #expect(throws: RPCError.self) {
                try await LiveServer.rpc(connection, signature, secret: "wrong").call(.vpc, "DescribeRegions")
            }
            #expect(badSecret?.code == "SignatureDoesNotMatch")
            #expect(badSecret?.httpStatus == 400)
        }
    }

    @Test func aBodyThatIsNotJSONIsAnUnexpectedResponse() async throws {
        try await FakeServer.run(answering: { _ in (502, "<html>bad gateway</html>") }) { connection, _ in
            let rpc = RPCClient(connection: connection, accessKeyId: "id", accessKeySecret: "secret")
            let error = await #expect(throws: UnexpectedResponse.self) { try await rpc.call(.vpc, "DescribeRegions") }
            #expect(error?.httpStatus == 502)
            #expect(error?.body == "<html>bad gateway</html>")
        }
    }

    @Test func requestsAreSignedByTheSignerTheServerVerifies() async throws {
        let fixed = Date(timeIntervalSince1970: 1_700_000_000)
        try await FakeServer.run(answering: { _ in (200, #"{"RequestId":"r"}"#) }) { connection, recorder in
            for signature in SignatureStyle.allCases {
                let rpc = RPCClient(connection: connection, accessKeyId: "id", accessKeySecret: "secret", signature: signature, now: { fixed })
                _ = try await rpc.call(.vpc, "DescribeHaVips", [("RegionId", "cn-hangzhou"), ("Filter.1.Value.1", "a b")])
            }
            let (v1, v3) = try #require(await recorder.requests.pairs)
            #expect(v1.method == "POST" && v3.method == "POST")
            #expect(v1.target.contains("Action=DescribeHaVips") && v1.target.contains("Signature="))
            #expect(v1.target.contains("Timestamp=2023-11-14T22%3A13%3A20Z") && v1.target.contains("Filter.1.Value.1=a%20b"))
            #expect(v3.target == "/?RegionId=cn-hangzhou&Filter.1.Value.1=a%20b")
            #expect(v3.headers["x-acs-action"] == "DescribeHaVips" && v3.headers["x-acs-version"] == "2016-04-28")
            #expect(v3.headers["x-acs-date"] == "2023-11-14T22:13:20Z")
            #expect(v3.headers["authorization"]?.hasPrefix("ACS3-HMAC-SHA256 Credential=id,SignedHeaders=host;") == true)
            #expect(v3.headers["host"] == connection.endpoint.hostHeader)
        }
    }
}

extension Array {
    /// The two elements of a two-element array.
    fileprivate var pairs: (Element, Element)? { count == 2 ? (self[0], self[1]) : nil }
}
