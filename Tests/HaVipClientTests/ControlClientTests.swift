import Foundation
import HaVipClient
import Testing

/// The control API's wire contract as the client speaks it (issue 11's table): method, path, JSON body, bearer
/// token, and how answers and refusals are read. A fake server stands in until the endpoints land.
@Suite struct ControlClientTests {
    /// Runs `call` against a fake answering `status` and `answer`; returns the call's result and what was sent,
    /// or throws what the call threw (after the fake has stopped).
    private func exchange<Answer: Sendable>(
        answering answer: String, status: Int = 200, token: String = "tok-1",
        _ call: @escaping @Sendable (ControlClient) async throws -> Answer
    ) async throws -> (Answer, RecordedRequest) {
        let box = ResultBox<(Result<Answer, any Error>, RecordedRequest)>()
        try await FakeServer.run(answering: { _ in (status, answer) }) { connection, recorder in
            let result = await Result { try await call(ControlClient(connection: connection, adminToken: token)) }
            let sent = try #require(await recorder.last)
            #expect(sent.headers["authorization"] == "Bearer \(token)")
            await box.set((result, sent))
        }
        let (result, sent) = try #require(await box.value)
        return (try result.get(), sent)
    }

    /// The request's JSON body as an object.
    private func json(_ request: RecordedRequest) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(request.body.utf8)) as? [String: Any])
    }

    @Test func reset() async throws {
        let (all, sentAll) = try await exchange(answering: #"{"deleted":7}"#) { try await $0.reset() }
        #expect(all == ResetResult(account: nil, deleted: 7))
        #expect(sentAll.method == "POST" && sentAll.target == "/_havip/reset")
        #expect(sentAll.body == "{}" && sentAll.headers["content-type"] == "application/json")

        let (one, sentOne) = try await exchange(answering: #"{"account":"A","deleted":2}"#) { try await $0.reset(account: "A") }
        #expect(one == ResetResult(account: "A", deleted: 2))
        #expect(sentOne.body == #"{"account":"A"}"#)
    }

    @Test func snapshots() async throws {
        let snapshot = #"{"name":"before run","createdAt":"2026-05-01T10:00:00Z","resources":12}"#
        let expected = Snapshot(name: "before run", createdAt: "2026-05-01T10:00:00Z", resources: 12)

        let (saved, save) = try await exchange(answering: snapshot, status: 201) { try await $0.saveSnapshot("before run") }
        #expect(saved == expected)
        #expect(save.method == "POST" && save.target == "/_havip/snapshots" && save.body == #"{"name":"before run"}"#)

        let (listed, list) = try await exchange(answering: #"{"snapshots":[\#(snapshot)]}"#) { try await $0.snapshots() }
        #expect(listed == [expected])
        #expect(list.method == "GET" && list.target == "/_havip/snapshots" && list.body.isEmpty)

        let (restored, restore) = try await exchange(answering: snapshot) { try await $0.restoreSnapshot("before run") }
        #expect(restored == expected)
        #expect(restore.method == "POST" && restore.target == "/_havip/snapshots/before%20run/restore")

        let (_, delete) = try await exchange(answering: "", status: 204) { try await $0.deleteSnapshot("before run") }
        #expect(delete.method == "DELETE" && delete.target == "/_havip/snapshots/before%20run")
    }

    /// Issue 11's world: one VPC, one vSwitch, two instances and a HaVip associated with both, with an EIP.
    static let world = WorldDocument(
        account: "A", region: "cn-hangzhou",
        vpcs: [
            .init(
                name: "prod", cidr: "10.0.0.0/16",
                vswitches: [
                    .init(
                        name: "a", zone: "cn-hangzhou-h", cidr: "10.0.1.0/24", instances: [.init(name: "web1"), .init(name: "web2")],
                        havips: [.init(name: "vip", associate: ["web1", "web2"], eip: true)])
                ])
        ])

    @Test func world() async throws {
        let document = Self.world
        let answer = #"{"vpcs":{"prod":"vpc-1"},"vswitches":{"a":"vsw-1"},"instances":{"web1":"i-1","web2":"i-2"},"havips":{"vip":"havip-1"},"eips":{"vip":"eip-1"},"securityGroups":{"prod":"sg-1"}}"#
        let (ids, sent) = try await exchange(answering: answer, status: 201) { try await $0.applyWorld(document) }
        #expect(ids.vpcs == ["prod": "vpc-1"] && ids.vswitches == ["a": "vsw-1"] && ids.havips == ["vip": "havip-1"])
        #expect(ids.instances == ["web1": "i-1", "web2": "i-2"] && ids.eips == ["vip": "eip-1"])
        #expect(ids.byKind["securityGroups"] == ["prod": "sg-1"])
        #expect(sent.method == "POST" && sent.target == "/_havip/world")
        #expect(
            sent.body
                == #"{"account":"A","region":"cn-hangzhou","vpcs":[{"cidr":"10.0.0.0/16","name":"prod","vswitches":[{"cidr":"10.0.1.0/24","havips":[{"associate":["web1","web2"],"eip":true,"name":"vip"}],"instances":[{"name":"web1"},{"name":"web2"}],"name":"a","zone":"cn-hangzhou-h"}]}]}"#
        )

        // Any JSON goes as it is: a document read from a file.
        let raw = JSONValue.object(["vpcs": .array([]), "extra": .integer(1)])
        let (_, sentRaw) = try await exchange(answering: "{}", status: 201) { try await $0.applyWorld(raw) }
        #expect(sentRaw.body == #"{"extra":1,"vpcs":[]}"#)
    }

    @Test func transitions() async throws {
        let (shown, show) = try await exchange(answering: #"{"mode":"delay","seconds":0.2}"#) { try await $0.transitions() }
        #expect(shown == .delay(seconds: 0.2))
        #expect(show.method == "GET" && show.target == "/_havip/transitions")

        let (manual, put) = try await exchange(answering: #"{"mode":"manual"}"#) { try await $0.setTransitions(.manual) }
        #expect(manual == .manual)
        #expect(put.method == "PUT" && put.target == "/_havip/transitions" && put.body == #"{"mode":"manual"}"#)

        let (_, putDelay) = try await exchange(answering: #"{"mode":"delay","seconds":1.5}"#) { try await $0.setTransitions(.delay(seconds: 1.5)) }
        #expect(putDelay.body == #"{"mode":"delay","seconds":1.5}"#)

        let (stepped, step) = try await exchange(answering: #"{"advanced":3}"#) { try await $0.stepTransitions() }
        #expect(stepped == StepResult(advanced: 3))
        #expect(step.method == "POST" && step.target == "/_havip/transitions/step")
    }

    @Test func faults() async throws {
        let rule = FaultRule(
            action: "AssociateHaVip", account: "A", count: 3, probability: 1.0, latencyMs: 0,
            error: InjectedError(code: "Throttling.User", status: 400, message: "Request was denied due to user flow control."))
        let fault = #"{"id":"fault-1","action":"AssociateHaVip","account":"A","count":3,"probability":1.0,"latencyMs":0,"error":{"code":"Throttling.User","status":400,"message":"Request was denied due to user flow control."},"hits":0}"#

        let (added, add) = try await exchange(answering: fault, status: 201) { try await $0.addFault(rule) }
        #expect(added == Fault(id: "fault-1", rule: rule, hits: 0))
        #expect(add.method == "POST" && add.target == "/_havip/faults")
        let body = try json(add)
        #expect(body["action"] as? String == "AssociateHaVip" && body["account"] as? String == "A" && body["count"] as? Int == 3)
        #expect(body["probability"] as? Double == 1.0 && body["latencyMs"] as? Int == 0)
        #expect((body["error"] as? [String: Any])?["code"] as? String == "Throttling.User")
        #expect((body["error"] as? [String: Any])?["status"] as? Int == 400)

        // Fields not given are left out, for the server's defaults.
        let (_, addLatency) = try await exchange(answering: #"{"id":"fault-2","action":"Describe*","latencyMs":250}"#, status: 201) {
            try await $0.addFault(FaultRule(action: "Describe*", latencyMs: 250))
        }
        #expect(addLatency.body == #"{"action":"Describe*","latencyMs":250}"#)

        let (listed, list) = try await exchange(answering: #"{"faults":[\#(fault)]}"#) { try await $0.faults() }
        #expect(listed.map(\.id) == ["fault-1"] && listed.first?.rule == rule)
        #expect(list.method == "GET" && list.target == "/_havip/faults")

        let (_, deleteOne) = try await exchange(answering: "", status: 204) { try await $0.deleteFault("fault-1") }
        #expect(deleteOne.method == "DELETE" && deleteOne.target == "/_havip/faults/fault-1")
        let (_, clear) = try await exchange(answering: "", status: 204) { try await $0.clearFaults() }
        #expect(clear.method == "DELETE" && clear.target == "/_havip/faults")
    }

    @Test func failover() async throws {
        let (moved, sent) = try await exchange(answering: #"{"haVipId":"havip-1","masterInstanceId":"i-2"}"#) {
            try await $0.failover(haVipId: "havip-1", to: "i-2")
        }
        #expect(moved == FailoverResult(haVipId: "havip-1", masterInstanceId: "i-2"))
        #expect(sent.method == "POST" && sent.target == "/_havip/havips/havip-1/failover" && sent.body == #"{"to":"i-2"}"#)
    }

    @Test func requestJournal() async throws {
        let entry = #"{"time":"2026-05-01T10:00:00.123Z","action":"CreateHaVip","account":"A","region":"cn-hangzhou","parameters":{"VSwitchId":"vsw-1"},"status":200,"code":null,"durationMs":1.5,"requestId":"r-1"}"#
        let (entries, sent) = try await exchange(answering: #"{"requests":[\#(entry)]}"#) {
            try await $0.requests(action: "CreateHaVip", account: "A b", limit: 5)
        }
        #expect(
            entries == [
                JournalEntry(
                    time: "2026-05-01T10:00:00.123Z", action: "CreateHaVip", account: "A", region: "cn-hangzhou",
                    parameters: ["VSwitchId": "vsw-1"], status: 200, code: nil, durationMs: 1.5, requestId: "r-1")
            ])
        #expect(sent.method == "GET" && sent.target == "/_havip/requests?action=CreateHaVip&account=A%20b&limit=5")
        let (_, unfiltered) = try await exchange(answering: #"{"requests":[]}"#) { try await $0.requests() }
        #expect(unfiltered.target == "/_havip/requests")
    }

    @Test func refusalsBecomeControlAPIErrors() async throws {
        await #expect(throws: ControlAPIError(httpStatus: 401, code: "Unauthorized", detail: "a missing or wrong admin token")) {
            _ = try await exchange(answering: #"{"error":"Unauthorized","detail":"a missing or wrong admin token"}"#, status: 401) {
                try await $0.faults()
            }
        }
        await #expect(throws: ControlAPIError(httpStatus: 404, code: "NotFound", detail: "no snapshot named x")) {
            _ = try await exchange(answering: #"{"error":"NotFound","detail":"no snapshot named x"}"#, status: 404) {
                try await $0.restoreSnapshot("x")
            }
        }
    }

    @Test func answersOfAnotherShapeAreUnexpected() async throws {
        let refusal = await #expect(throws: UnexpectedResponse.self) {
            _ = try await exchange(answering: "<h1>Bad Gateway</h1>", status: 502) { try await $0.reset() }
        }
        #expect(refusal?.httpStatus == 502)
        let wrongShape = await #expect(throws: UnexpectedResponse.self) {
            _ = try await exchange(answering: #"{"mode":"sometimes"}"#) { try await $0.transitions() }
        }
        #expect(wrongShape?.httpStatus == 200)
    }
}

/// Carries a value out of a `@Sendable` closure.
actor ResultBox<Value> {
    private(set) var value: Value?

    func set(_ value: Value) { self.value = value }
}

extension Result where Failure == any Error {
    /// The outcome of `body`, thrown or returned.
    init(_ body: () async throws -> Success) async {
        do {
            self = .success(try await body())
        } catch {
            self = .failure(error)
        }
    }
}
