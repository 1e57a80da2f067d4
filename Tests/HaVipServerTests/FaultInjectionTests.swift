import Foundation
import HTTPTypes
import HaVipModel
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Injected faults on the RPC route: the exact error in the real envelope, nothing changed, counts, globs,
/// accounts, latency.
@Suite struct FaultInjectionTests {
    static let throttling = #"{"code": "Throttling.User", "status": 400, "message": "Request was denied due to user flow control."}"#

    @Test func aFaultAnswersExactlyItsErrorAndChangesNothingUntilItsCountIsUsedUp() async throws {
        try await TestServer().control { api in
            let ids = try await api.world()
            let (haVipId, web2) = (ids["havips"]!["vip"]!, ids["instances"]!["web2"]!)
            let fault = try await api.json(.post, "faults", #"{"action": "UnassociateHaVip", "count": 2, "error": \#(Self.throttling)}"#, status: .created)
            #expect((fault["id"] as? String)?.hasPrefix("fault-") == true)
            #expect(fault["hits"] as? Int == 0 && fault["count"] as? Int == 2 && fault["probability"] as? Double == 1 && fault["latencyMs"] as? Int == 0)
            let unassociate = [("RegionId", "cn-hangzhou"), ("HaVipId", haVipId), ("InstanceId", web2)]
            for _ in 0..<2 {
                let response = try await api.rpc("UnassociateHaVip", unassociate)
                try response.expectError(400, "Throttling.User")
                #expect(try response.json["Message"] as? String == "Request was denied due to user flow control.")
                #expect(try await api.haVips().first?["Status"] as? String == "InUse")
            }
            #expect((try await api.json(.get, "faults")["faults"] as? [Any])?.isEmpty == true)
            #expect(try await api.rpc("UnassociateHaVip", unassociate).status == .ok)
        }
    }

    @Test func globsAccountsPresetsAndDeletion() async throws {
        try await TestServer().control { api in
            _ = try await api.json(.post, "faults", #"{"action": "Describe*", "account": "2222222222222222", "error": {"code": "ServiceUnavailable"}}"#, status: .created)
            try await api.rpc("DescribeVpcs", [("RegionId", "cn-hangzhou")], key: TestServer.otherKey).expectError(503, "ServiceUnavailable")
            #expect(try await api.rpc("DescribeVpcs", [("RegionId", "cn-hangzhou")]).status == .ok)
            #expect(try await api.rpc("CreateVpc", [("RegionId", "cn-hangzhou")], key: TestServer.otherKey).status == .ok)

            let second = try await api.json(.post, "faults", #"{"action": "*Vpc*", "error": {"code": "Custom.Code", "status": 409, "message": "made up"}}"#, status: .created)
            let response = try await api.rpc("CreateVpc", [("RegionId", "cn-hangzhou")])
            try response.expectError(409, "Custom.Code")
            #expect(try response.json["Message"] as? String == "made up")
            #expect(try await api.control(.delete, "faults/\(second["id"] as! String)").status == .noContent)
            #expect(try await api.rpc("CreateVpc", [("RegionId", "cn-hangzhou")]).status == .ok)
            #expect(try await api.control(.delete, "faults").status == .noContent)
            #expect(try await api.rpc("DescribeVpcs", [("RegionId", "cn-hangzhou")], key: TestServer.otherKey).status == .ok)
            try await api.refused(.delete, "faults/fault-nope", status: 404, code: "NotFound")
        }
    }

    @Test func aLatencyFaultSlowsTheRequestDownAndLetsItThrough() async throws {
        try await TestServer().control { api in
            _ = try await api.json(.post, "faults", #"{"action": "DescribeRegions", "latencyMs": 300, "count": 100}"#, status: .created)
            let started = ContinuousClock.now
            #expect(try await api.rpc("DescribeRegions").status == .ok)
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            // Another action is not held: the fault's hits (counted because it has a count) stay at the one above.
            #expect(try await api.rpc("DescribeZones", [("RegionId", "cn-hangzhou")]).status == .ok)
            let faults = try await api.json(.get, "faults")["faults"] as? [[String: Any]]
            #expect(faults?.first?["hits"] as? Int == 1)
        }
    }

    @Test func aFaultWithProbabilityZeroNeverHits() async throws {
        try await TestServer().control { api in
            _ = try await api.json(.post, "faults", #"{"action": "*", "probability": 0, "error": \#(Self.throttling)}"#, status: .created)
            for _ in 0..<5 { #expect(try await api.rpc("DescribeRegions").status == .ok) }
        }
    }

    @Test(arguments: [
        #"{"error": {"code": "X", "status": 400, "message": "m"}}"#, #"{"action": "A"}"#, #"{"action": "A", "error": {"code": "X"}}"#,
        #"{"action": "A", "error": {"code": "X", "status": 302, "message": "m"}}"#, #"{"action": "A", "count": 1.5, "latencyMs": 1}"#,
        #"{"action": "A", "latencyMs": 1, "delay": 1}"#, #"{"action": "A b", "latencyMs": 1}"#,
    ])
    func aBadFaultIsRefused(body: String) async throws {
        try await TestServer().control { api in
            try await api.refused(.post, "faults", body, status: 400, code: "InvalidBody")
            #expect((try await api.json(.get, "faults")["faults"] as? [Any])?.isEmpty == true)
        }
    }

    /// A fault from a request that fails before authentication is not applied to it: the real error wins.
    @Test func aRequestThatFailsAuthenticationGetsItsOwnError() async throws {
        let server = TestServer()
        try await server.control { api in
            _ = try await api.json(.post, "faults", #"{"action": "*", "error": \#(Self.throttling)}"#, status: .created)
            let wrong = AccessKey(id: "testid", secret: "wrong")
            try await api.rpc("DescribeRegions", key: wrong).expectError(400, "SignatureDoesNotMatch")
        }
    }
}
