import Foundation
import HTTPTypes
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// The control API under `/_havip/`, in process: every endpoint's answers and refusals, and the admin token.
@Suite struct ControlAPITests {
    static let endpoints: [(HTTPRequest.Method, String, String?)] = [
        (.post, "reset", "{}"), (.post, "snapshots", #"{"name":"s"}"#), (.get, "snapshots", nil), (.post, "snapshots/s/restore", nil),
        (.delete, "snapshots/s", nil), (.post, "world", #"{"vpcs":[]}"#), (.get, "transitions", nil), (.put, "transitions", #"{"mode":"manual"}"#),
        (.post, "transitions/step", nil), (.post, "faults", #"{"action":"*","latencyMs":1}"#), (.get, "faults", nil), (.delete, "faults/f", nil),
        (.delete, "faults", nil), (.post, "havips/havip-1/failover", #"{"to":"i-1"}"#), (.get, "requests", nil),
    ]

    @Test func everyEndpointButHealthNeedsTheAdminTokenAndChangesNothingWithoutIt() async throws {
        try await TestServer().control { api in
            _ = try await api.call("CreateVpc", [("RegionId", "cn-hangzhou"), ("CidrBlock", "10.0.0.0/16")])
            for (method, path, body) in Self.endpoints {
                for token: String? in [nil, "wrong", AdminToken.development + "x", ""] {
                    let response = try await api.control(method, path, body, token: token)
                    #expect(response.status == .unauthorized, "\(method) \(path) with \(token ?? "no token")")
                    #expect(response.headers[.wwwAuthenticate] == "Bearer")
                    #expect(try response.json["error"] as? String == "Unauthorized")
                }
            }
            // Nothing ran: the VPC is there, no fault, no snapshot, the mode is the default.
            #expect(try await api.vpcCount() == 1)
            #expect((try await api.json(.get, "faults")["faults"] as? [Any])?.isEmpty == true)
            #expect((try await api.json(.get, "snapshots")["snapshots"] as? [Any])?.isEmpty == true)
            #expect(try await api.json(.get, "transitions")["mode"] as? String == "delay")
            // The scheme is case-insensitive; health needs no token.
            let lower = try await api.client.execute(
                uri: "/_havip/transitions", method: .get, headers: [.authorization: "bearer \(AdminToken.development)"])
            #expect(lower.status == .ok)
            #expect(try await api.control(.get, "health", token: nil).status == .ok)
        }
    }

    @Test func anotherAdminTokenIsTheOnlyOneAccepted() async throws {
        let configuration = ServerConfiguration(
            store: try SQLiteStore.inMemory(), keys: KeyRing(keys: [TestServer.key], mode: .strict), adminToken: "s3cret-token")
        try await HaVipServer.makeApplication(configuration).test(.router) { client in
            let api = ControlCaller(server: TestServer(), client: client)
            #expect(try await api.control(.get, "transitions", token: "s3cret-token").status == .ok)
            try await api.refused(.get, "transitions", status: 401, code: "Unauthorized")
        }
    }

    @Test func resetDeletesOneAccountsResourcesOrEveryAccounts() async throws {
        try await TestServer().control { api in
            for key in [TestServer.key, TestServer.otherKey] {
                _ = try await api.call("CreateVpc", [("RegionId", "cn-hangzhou"), ("CidrBlock", "10.0.0.0/16")], key: key)
            }
            let one = try await api.json(.post, "reset", #"{"account": "2222222222222222"}"#)
            #expect(one["account"] as? String == "2222222222222222" && one["deleted"] as? Int == 2)  // the VPC and its route table
            #expect(try await api.vpcCount(key: TestServer.otherKey) == 0)
            #expect(try await api.vpcCount() == 1)
            let all = try await api.json(.post, "reset")
            #expect(all["account"] == nil && all["deleted"] as? Int == 2)
            #expect(try await api.vpcCount() == 0)
            // Keys stay: the same key still works.
            _ = try await api.call("DescribeRegions")
            try await api.refused(.post, "reset", #"{"acount": "A"}"#, status: 400, code: "InvalidBody")
            try await api.refused(.post, "reset", #"{"account": 12}"#, status: 400, code: "InvalidBody")
            try await api.refused(.post, "reset", "[]", status: 400, code: "InvalidBody")
        }
    }

    @Test func snapshotsSaveListRestoreAndDelete() async throws {
        try await TestServer().control { api in
            let ids = try await api.world()
            let saved = try await api.json(.post, "snapshots", #"{"name": "before test"}"#, status: .created)
            #expect(saved["name"] as? String == "before test")
            #expect(saved["resources"] as? Int == 12)  // VPC, its route table, security group, vSwitch, 2 instances, their 2 system disks and 2 ENIs, HaVip, EIP
            #expect((saved["createdAt"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
            _ = try await api.call("CreateVpc", [("RegionId", "cn-hangzhou"), ("CidrBlock", "172.16.0.0/16")])
            _ = try await api.call("UnassociateHaVip", [("RegionId", "cn-hangzhou"), ("HaVipId", ids["havips"]!["vip"]!), ("InstanceId", ids["instances"]!["web2"]!)])
            #expect(try await api.vpcCount() == 2)

            let listed = try await api.json(.get, "snapshots")["snapshots"] as? [[String: Any]]
            #expect(listed?.map { $0["name"] as? String } == ["before test"])
            let restored = try await api.json(.post, "snapshots/before%20test/restore")
            #expect(restored["name"] as? String == "before test" && restored["resources"] as? Int == saved["resources"] as? Int)
            #expect(try await api.vpcCount() == 1)
            let haVip = try #require(try await api.haVips().first)
            let members = (haVip["AssociatedInstances"] as? [String: Any])?["associatedInstance"] as? [String]
            #expect(members == [ids["instances"]!["web1"]!, ids["instances"]!["web2"]!])

            #expect(try await api.control(.delete, "snapshots/before%20test").status == .noContent)
            try await api.refused(.post, "snapshots/before%20test/restore", status: 404, code: "NotFound")
            try await api.refused(.delete, "snapshots/nope", status: 404, code: "NotFound")
            try await api.refused(.post, "snapshots", "{}", status: 400, code: "InvalidBody")
            try await api.refused(.post, "snapshots", #"{"name": ""}"#, status: 400, code: "InvalidBody")
            try await api.refused(.post, "snapshots", #"{"name": "a", "extra": 1}"#, status: 400, code: "InvalidBody")
        }
    }

    @Test func aWorldIsMadeInOneCallAndABadOneMakesNothing() async throws {
        try await TestServer().control { api in
            let ids = try await api.world()
            #expect(ids.keys.sorted() == ["eips", "havips", "instances", "resourceGroups", "securityGroups", "vpcs", "vswitches"])
            #expect(ids["vpcs"]?.keys.sorted() == ["prod"] && ids["instances"]?.keys.sorted() == ["web1", "web2"])
            let haVip = try #require(try await api.haVips().first)
            #expect(haVip["HaVipId"] as? String == ids["havips"]?["vip"])
            #expect(haVip["Status"] as? String == "InUse")
            #expect(haVip["MasterInstanceId"] as? String == ids["instances"]?["web1"])
            let eips = (haVip["AssociatedEipAddresses"] as? [String: Any])?["associatedEipAddresse"] as? [String]
            #expect(eips?.count == 1)

            try await api.json(.post, "reset")
            let bad = #"{"vpcs": [{"name": "prod", "cidr": "10.0.0.0/16", "vswitches": [{"name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24"}, {"name": "b", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/25"}]}]}"#
            let detail = try await api.refused(.post, "world", bad, status: 400, code: "InvalidCidrBlock.Overlapped")
            #expect(detail == "vpcs[0].vswitches[1] (b): Specified CIDR block overlapped with other subnets.")
            try await api.refused(.post, "world", #"{"vpcs": [{"name": "p", "cidr": "10.0.0.0/16", "vswitchs": []}]}"#, status: 400, code: "InvalidBody")
            try await api.refused(.post, "world", #"{"vpcs": [{"name": "p"}]}"#, status: 400, code: "InvalidBody")
            try await api.refused(.post, "world", #"{"vpcs": [{"name": "p", "cidr": "10.0.0.0/16", "vswitches": [{"name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24", "havips": [{"name": "v", "eip": "yes"}]}]}]}"#, status: 400, code: "InvalidBody")
            #expect(try await api.vpcCount() == 0)
            // Without an account, the first configured key's.
            _ = try await api.json(.post, "world", #"{"vpcs": [{"name": "p", "cidr": "10.0.0.0/16"}]}"#, status: .created)
            #expect(try await api.vpcCount() == 1)
        }
    }

    @Test func manualTransitionsHoldAHaVipUntilStepped() async throws {
        let server = TestServer()
        try await server.control { api in
            #expect(try await api.json(.get, "transitions") as NSDictionary == ["mode": "delay", "seconds": 0.2] as NSDictionary)
            #expect(try await api.json(.put, "transitions", #"{"mode": "manual"}"#) as NSDictionary == ["mode": "manual"] as NSDictionary)
            let ids = try await api.world()
            let haVipId = ids["havips"]!["vip"]!
            _ = try await api.call("UnassociateHaVip", [("RegionId", "cn-hangzhou"), ("HaVipId", haVipId), ("InstanceId", ids["instances"]!["web2"]!)])
            server.clock.advance(by: 3_600)
            #expect(try await api.haVips().first?["Status"] as? String == "Unassociating")
            #expect(try await api.json(.post, "transitions/step")["advanced"] as? Int == 1)
            #expect(try await api.haVips().first?["Status"] as? String == "InUse")
            #expect(try await api.json(.post, "transitions/step")["advanced"] as? Int == 0)

            _ = try await api.json(.put, "transitions", #"{"mode": "delay", "seconds": 0}"#)
            _ = try await api.call("UnassociateHaVip", [("RegionId", "cn-hangzhou"), ("HaVipId", haVipId), ("InstanceId", ids["instances"]!["web1"]!)])
            #expect(try await api.haVips().first?["Status"] as? String == "Available")
            try await api.refused(.put, "transitions", #"{"mode": "fast"}"#, status: 400, code: "InvalidBody")
            try await api.refused(.put, "transitions", #"{"mode": "delay"}"#, status: 400, code: "InvalidBody")
            try await api.refused(.put, "transitions", #"{"mode": "delay", "seconds": -1}"#, status: 400, code: "InvalidBody")
            try await api.refused(.put, "transitions", #"{"mode": "manual", "seconds": 1}"#, status: 400, code: "InvalidBody")
        }
    }

    @Test func failoverMovesTheMasterAndDescribeShowsItAtOnce() async throws {
        try await TestServer().control { api in
            let ids = try await api.world()
            let (haVipId, web1, web2) = (ids["havips"]!["vip"]!, ids["instances"]!["web1"]!, ids["instances"]!["web2"]!)
            let moved = try await api.json(.post, "havips/\(haVipId)/failover", #"{"to": "\#(web2)"}"#)
            #expect(moved as NSDictionary == ["haVipId": haVipId, "masterInstanceId": web2] as NSDictionary)
            #expect(try await api.haVips().first?["MasterInstanceId"] as? String == web2)

            _ = try await api.call("StopInstance", [("InstanceId", web1)], version: "2014-05-26")
            try await api.refused(.post, "havips/\(haVipId)/failover", #"{"to": "\#(web1)"}"#, status: 400, code: "IncorrectInstanceStatus")
            try await api.refused(.post, "havips/\(haVipId)/failover", #"{"to": "i-nope"}"#, status: 400, code: "ResourceNotAssociated")
            try await api.refused(.post, "havips/havip-nope/failover", #"{"to": "\#(web2)"}"#, status: 404, code: "InvalidHaVipId.NotFound")
            try await api.refused(
                .post, "havips/\(haVipId)/failover", #"{"to": "\#(web2)", "account": "2222222222222222"}"#, status: 404, code: "InvalidHaVipId.NotFound")
            try await api.refused(.post, "havips/\(haVipId)/failover", "{}", status: 400, code: "InvalidBody")
            #expect(try await api.haVips().first?["MasterInstanceId"] as? String == web2)
        }
    }

    /// A data plane's driver replaces the model's: the endpoint answers what the driver reports.
    @Test func aFailoverDriverReplacesTheModelsFailover() async throws {
        final class Recording: FailoverDriver {
            let store: any HaVipStore
            let seen = Mutex<[FailoverRequest]>([])
            init(store: any HaVipStore) { self.store = store }
            func failover(_ request: FailoverRequest) async throws -> HaVip {
                seen.withLock { $0.append(request) }
                return try await ModelFailover(store: store, clock: SystemClock()).failover(request)
            }
        }
        let store = try SQLiteStore.inMemory()
        let driver = Recording(store: store)
        let configuration = ServerConfiguration(
            store: store, keys: KeyRing(keys: [TestServer.key], mode: .strict), clock: TestServer().clock, failover: driver)
        try await HaVipServer.makeApplication(configuration).test(.router) { client in
            let api = ControlCaller(server: TestServer(), client: client)
            let ids = try await api.world()
            _ = try await api.json(.post, "havips/\(ids["havips"]!["vip"]!)/failover", #"{"to": "\#(ids["instances"]!["web2"]!)"}"#)
        }
        #expect(driver.seen.withLock { $0.count } == 1)
    }
}
