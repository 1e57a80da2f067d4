import HaVipClient
import HaVipServer
import Testing

/// ``ControlClient`` against a real server: every typed method reads what the server answers (the table of
/// docs/cli.md, both sides).
@Suite struct ControlClientLiveTests {
    static let world: WorldDocument = {
        var world = ControlClientTests.world
        world.account = LiveServer.key.account.rawValue
        return world
    }()

    @Test func everyMethodReadsTheServersAnswers() async throws {
        try await LiveServer.run { connection in
            let control = ControlClient(connection: connection, adminToken: AdminToken.development)
            let rpc = LiveServer.rpc(connection, .v3)

            let ids = try await control.applyWorld(Self.world)
            #expect(ids.instances.keys.sorted() == ["web1", "web2"] && ids.havips.keys.sorted() == ["vip"] && ids.eips.keys.sorted() == ["vip"])
            let saved = try await control.saveSnapshot("start")
            #expect(saved.name == "start" && saved.resources == 12)  // the VPC's route table counts too
            #expect(try await control.snapshots() == [saved])

            #expect(try await control.setTransitions(.manual) == .manual)
            #expect(try await control.transitions() == .manual)
            _ = try await rpc.call(.vpc, "UnassociateHaVip", ["RegionId": "cn-hangzhou", "HaVipId": ids.havips["vip"]!, "InstanceId": ids.instances["web2"]!])
            #expect(try await control.stepTransitions() == StepResult(advanced: 1))
            #expect(try await control.setTransitions(.delay(seconds: 0)) == .delay(seconds: 0))

            let fault = try await control.addFault(
                FaultRule(action: "Describe*", count: 1, error: InjectedError(code: "Throttling.User", status: 400, message: "Request was denied due to user flow control.")))
            #expect(fault.hits == 0 && fault.rule.count == 1 && fault.rule.action == "Describe*")
            #expect(try await control.faults() == [fault])
            await #expect(throws: RPCError.self) { _ = try await rpc.call(.vpc, "DescribeVpcs", ["RegionId": "cn-hangzhou"]) }
            #expect(try await control.faults().isEmpty)
            _ = try await control.addFault(FaultRule(action: "X", latencyMs: 1))
            try await control.clearFaults()

            let moved = try await control.failover(haVipId: ids.havips["vip"]!, to: ids.instances["web1"]!)
            #expect(moved == FailoverResult(haVipId: ids.havips["vip"]!, masterInstanceId: ids.instances["web1"]!))

            let journal = try await control.requests(action: "DescribeVpcs")
            #expect(journal.count == 1 && journal[0].code == "Throttling.User" && journal[0].product == "Vpc" && journal[0].status == 400)
            #expect(journal[0].account == LiveServer.key.account.rawValue && journal[0].region == "cn-hangzhou")

            let restored = try await control.restoreSnapshot("start")
            #expect(restored == saved)
            try await control.deleteSnapshot("start")
            #expect(try await control.reset(account: LiveServer.key.account.rawValue) == ResetResult(account: LiveServer.key.account.rawValue, deleted: 12))  // the VPC's route table counts
            #expect(try await control.reset() == ResetResult(account: nil, deleted: 0))

            do {
                try await control.deleteSnapshot("start")
                Issue.record("an unknown snapshot was deleted")
            } catch let error as ControlAPIError {
                #expect(error.httpStatus == 404 && error.code == "NotFound")
            }
            do {
                _ = try await ControlClient(connection: connection, adminToken: "wrong").faults()
                Issue.record("a wrong token was accepted")
            } catch let error as ControlAPIError {
                #expect(error.httpStatus == 401 && error.code == "Unauthorized")
            }
        }
    }
}
