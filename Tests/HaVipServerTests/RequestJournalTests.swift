import Foundation
import HTTPTypes
import HaVipModel
import HaVipSQLite
@testable import HaVipServer
import Hummingbird
import HummingbirdTesting
import RPCWire
import Testing

/// The request journal: every RPC request, successes and failures, with what the route learned of it and
/// no signature or secret.
@Suite struct RequestJournalTests {
    @Test func theJournalListsRequestsOldestFirstWithoutSecrets() async throws {
        let server = TestServer()
        try await server.control { api in
            _ = try await api.call("CreateVpc", [("RegionId", "cn-hangzhou"), ("CidrBlock", "10.0.0.0/16"), ("Password", "hunter2-pass")])
            try await api.rpc("DescribeHaVips", [("RegionId", "xx-nowhere-1")]).expectError(404, "InvalidRegionId.NotFound")
            try await api.rpc("DescribeRegions", key: AccessKey(id: "testid", secret: "wrong-secret")).expectError(400, "SignatureDoesNotMatch")
            let query: [(name: String, value: String)] = [("RegionId", "cn-beijing"), ("SecurityToken", "sts-token-value")]
            let v3 = try await api.client.execute(
                uri: "/?" + TestServer.encode(query), method: .post, headers: server.v3Headers("DescribeZones", query: query))
            #expect(v3.status == .ok)

            let response = try await api.control(.get, "requests")
            #expect(response.status == .ok)
            for secret in ["testsecret", "wrong-secret", "hunter2-pass", "sts-token-value", #""Signature""#, "SignatureNonce", "ACS3-HMAC-SHA256"] {
                #expect(!response.text.contains(secret), "\(secret) in \(response.text)")
            }
            let entries = try #require(try response.json["requests"] as? [[String: Any]])
            #expect(entries.map { $0["action"] as? String } == ["CreateVpc", "DescribeHaVips", "DescribeRegions", "DescribeZones"])
            let created = entries[0]
            #expect(created["account"] as? String == "1111111111111111" && created["region"] as? String == "cn-hangzhou")
            #expect(created["product"] as? String == "Vpc" && created["status"] as? Int == 200 && created["code"] is NSNull)
            let parameters = try #require(created["parameters"] as? [String: String])
            #expect(parameters["CidrBlock"] == "10.0.0.0/16" && parameters["AccessKeyId"] == "testid" && parameters["Action"] == "CreateVpc")
            #expect(parameters["SignatureMethod"] == "HMAC-SHA1")
            #expect(parameters["Signature"] == nil && parameters["SignatureNonce"] == nil && parameters["Password"] == nil)
            #expect((created["requestId"] as? String)?.count == 36)
            #expect((created["durationMs"] as? Double).map { $0 >= 0 } == true)
            #expect((created["time"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
            #expect(entries[1]["status"] as? Int == 404 && entries[1]["code"] as? String == "InvalidRegionId.NotFound")
            #expect(entries[2]["code"] as? String == "SignatureDoesNotMatch" && entries[2]["account"] is NSNull)
            #expect(entries[3]["product"] as? String == "Vpc" && (entries[3]["parameters"] as? [String: String])?["SecurityToken"] == nil)

            let filtered = try await api.json(.get, "requests?action=DescribeRegions")["requests"] as? [[String: Any]]
            #expect(filtered?.count == 1)
            let limited = try await api.json(.get, "requests?limit=2")["requests"] as? [[String: Any]]
            #expect(limited?.map { $0["action"] as? String } == ["DescribeRegions", "DescribeZones"])
            let byAccount = try await api.json(.get, "requests?account=1111111111111111")["requests"] as? [[String: Any]]
            #expect(byAccount?.count == 3)
            try await api.refused(.get, "requests?limit=0", status: 400, code: "InvalidBody")
            try await api.refused(.get, "requests?actoin=X", status: 400, code: "InvalidBody")
        }
    }

    @Test func theRingKeepsTheLastEntries() async throws {
        let configuration = ServerConfiguration(
            store: try SQLiteStore.inMemory(), keys: KeyRing(keys: [TestServer.key], mode: .strict), clock: TestServer().clock,
            journalCapacity: 3)
        let server = TestServer()
        try await HaVipServer.makeApplication(configuration).test(.router) { client in
            let api = ControlCaller(server: server, client: client)
            for zone in ["cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-qingdao", "cn-shenzhen"] {
                _ = try await api.call("DescribeZones", [("RegionId", zone)])
            }
            let entries = try await api.json(.get, "requests?limit=10")["requests"] as? [[String: Any]]
            #expect(entries?.map { $0["region"] as? String } == ["cn-shanghai", "cn-qingdao", "cn-shenzhen"])
        }
    }

    @Test(arguments: [
        ("Signature", true), ("SignatureNonce", true), ("SecurityToken", true), ("AccessKeySecret", true), ("Password", true),
        ("password", true), ("InstancePassword", true), ("Authorization", true), ("PrivateKeyBody", true), ("Credential", true),
        ("ClientToken", false), ("SignatureMethod", false), ("SignatureVersion", false), ("AccessKeyId", false), ("HaVipId", false),
        ("Description", false),
    ])
    func secretParametersAreRecognised(name: String, secret: Bool) {
        #expect(SecretParameters.isSecret(name) == secret)
    }
}
