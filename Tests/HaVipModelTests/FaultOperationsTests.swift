@testable import HaVipModel
import Testing

/// Injected faults in the store: checked rules, a generation that moves with every change, and hits of a
/// counted fault taken exactly once each, however many requests race for them.
@Suite struct FaultOperationsTests {
    static let throttling = APIError.throttlingUser

    @Test func addListDeleteClearEachMoveTheGeneration() async throws {
        let h = try Harness()
        #expect(try await h.read { tx, _ in try FaultOperations.generation(tx) } == 0)
        let added = try await h.write { tx, context in
            try FaultOperations.add(tx, FaultOperations.Rule(action: "Describe*", account: "A", count: 2, error: Self.throttling), id: "fault-1", now: context.now)
        }
        #expect(added.error == Self.throttling && added.hits == 0 && added.count == 2 && added.targetAccount == "A")
        try await h.write { tx, context in
            _ = try FaultOperations.add(tx, FaultOperations.Rule(action: "*", probability: 0.5, latencyMs: 10), id: "fault-2", now: context.now + 1)
        }
        #expect(try await h.read { tx, _ in try FaultOperations.list(tx).map(\.id) } == ["fault-1", "fault-2"])
        #expect(try await h.read { tx, _ in try FaultOperations.generation(tx) } == 2)
        try await h.write { tx, _ in try FaultOperations.delete(tx, id: "fault-1") }
        await #expect(throws: APIError.controlNotFound("No fault has the ID fault-1.")) {
            try await h.write { tx, _ in try FaultOperations.delete(tx, id: "fault-1") }
        }
        #expect(try await h.write { tx, _ in try FaultOperations.clear(tx) } == 1)
        #expect(try await h.read { tx, _ in try FaultOperations.list(tx) }.isEmpty)
        #expect(try await h.read { tx, _ in try FaultOperations.generation(tx) } == 4)
    }

    @Test(arguments: [
        FaultOperations.Rule(action: "", error: throttling), FaultOperations.Rule(action: "Describe HaVips", error: throttling),
        FaultOperations.Rule(action: "X", count: 0, error: throttling), FaultOperations.Rule(action: "X", probability: 1.5, error: throttling),
        FaultOperations.Rule(action: "X", latencyMs: -1), FaultOperations.Rule(action: "X", latencyMs: 60_001), FaultOperations.Rule(action: "X"),
        FaultOperations.Rule(action: "X", error: .injected(code: "X", status: 200, message: "m")),
        FaultOperations.Rule(action: "X", error: .injected(code: "", status: 400, message: "m")),
    ])
    func aBadRuleIsRefusedAndAddsNothing(rule: FaultOperations.Rule) async throws {
        let h = try Harness()
        await #expect(throws: APIError.self) {
            try await h.write { tx, context in _ = try FaultOperations.add(tx, rule, id: "fault-1", now: context.now) }
        }
        #expect(try await h.read { tx, _ in try FaultOperations.list(tx) }.isEmpty)
    }

    @Test func aCountedFaultGivesExactlyItsCountOfHitsToRacingRequestsThenExpires() async throws {
        let h = try Harness()
        try await h.write { tx, context in
            _ = try FaultOperations.add(tx, FaultOperations.Rule(action: "*", count: 3, error: Self.throttling), id: "fault-1", now: context.now)
        }
        let hits = try await withThrowingTaskGroup(of: FaultOperations.Hit.self) { group in
            for _ in 0..<12 { group.addTask { try await h.write(settle: false) { tx, _ in try FaultOperations.hit(tx, id: "fault-1") } } }
            return try await group.reduce(into: [:]) { $0[$1, default: 0] += 1 }
        }
        #expect(hits == [.hit: 2, .lastHit: 1, .gone: 9])
        #expect(try await h.read { tx, _ in try FaultOperations.list(tx) }.isEmpty)
    }

    @Test(arguments: [
        ("*", "DescribeHaVips", true), ("Describe*", "DescribeHaVips", true), ("Describe*", "CreateHaVip", false),
        ("*HaVip*", "AssociateHaVip", true), ("*HaVip", "DescribeHaVips", false), ("Create*Vip", "CreateHaVip", true),
        ("AssociateHaVip", "AssociateHaVip", true), ("AssociateHaVip", "UnassociateHaVip", false), ("*a*a*", "HaVa", true),
        ("*a*a*", "Ha", false), ("D*s*s", "DescribeHaVips", true),
    ])
    func actionsMatchWithStarGlobs(pattern: String, action: String, matches: Bool) {
        let fault = InjectedFaultFixture.make(action: pattern, targetAccount: nil)
        #expect(fault.matches(action: action, account: nil) == matches)
    }

    @Test func aFaultForOneAccountMatchesOnlyItsRequests() {
        let fault = InjectedFaultFixture.make(action: "*", targetAccount: "A")
        #expect(fault.matches(action: "X", account: AccountID("A")))
        #expect(!fault.matches(action: "X", account: AccountID("B")))
        #expect(!fault.matches(action: "X", account: nil))
    }
}

enum InjectedFaultFixture {
    static func make(action: String, targetAccount: String?) -> InjectedFault {
        InjectedFault(id: "f", account: .emulator, action: action, targetAccount: targetAccount, hits: 0, probability: 1, latencyMs: 1, createdAt: 0)
    }
}
