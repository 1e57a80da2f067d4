@testable import HaVipModel
import Testing

/// `reset` and snapshots, on every store: what they delete, save and put back, exactly.
@Suite struct ResetAndSnapshotTests {
    /// A world that leaves a row in every state table: VPC (its system route table), vSwitches (free ranges,
    /// allocations), a security group with a rule, instances (ENIs, system disks), a tagged HaVip associated
    /// with two instances, its counters, a route to it, an EIP bound to it, and an idempotency record.
    static func populatedWorld() async throws -> World {
        let w = try await World.make(instances: 2, enis: 1)
        let haVip = try await w.h.createHaVip(w.vSwitch, tags: [("team", "blue")])
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.associateSettled(haVip.id, w.i[1])
        let eip = try await w.h.allocateEip()
        try await w.h.write { tx, context in
            try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: haVip.id, instanceType: "HaVip")
            _ = try RouteOperations.createEntry(
                tx, context, .init(routeTableId: w.vpc.routeTableId, destinationCidrBlock: "10.99.0.0/16", nextHopType: .haVip, nextHopId: haVip.id))
            _ = try ResourceGroupOperations.create(tx, context, id: "rg-snapshot0001", name: "snapshot")
            try ComputeOperations.authorize(
                tx, context, groupId: w.securityGroup.id,
                .init(direction: .ingress, ipProtocol: .tcp, portRange: "22/22", cidrIp: "10.0.0.0/8"))
            try tx.insert(
                IdempotencyRecord(
                    account: context.account, action: "CreateHaVip", clientToken: "token-1", fingerprint: "f", response: IdempotencyPayload("{}"),
                    createdAt: context.now))
        }
        return w
    }

    /// How many rows each state table holds, in every account.
    static func rowCounts(_ h: Harness) async throws -> [String: Int] {
        try await h.read { tx, _ in
            var counts: [String: Int] = [:]
            for type in StateRecords.all { counts[table(type)] = try count(type, tx) }
            return counts
        }
    }

    private static func table<R: StoredRecord>(_ type: R.Type) -> String { R.schema.table }
    private static func count<R: StoredRecord>(_ type: R.Type, _ tx: some StoreTransaction) throws -> Int {
        try tx.count(Query(R.self, scope: .everyAccount))
    }

    @Test func aSnapshotCoversEveryStateTableAndRestoresItExactly() async throws {
        let w = try await Self.populatedWorld()
        let before = try await Self.rowCounts(w.h)
        #expect(before.values.allSatisfy { $0 > 0 }, "a table the world leaves empty is not tested: \(before)")
        let capture = try await w.h.read { tx, _ in try SnapshotOperations.capture(tx) }
        let saved = try await w.h.write { tx, context in try SnapshotOperations.save(tx, name: "before", capture: capture, now: context.now) }
        // VPC, its route table, vSwitches, group, instances, their system disks, ENIs (3 primary, 2 more), HaVip, its route, EIP
        #expect(saved.resources == 1 + 1 + 2 + 1 + 3 + 3 + 5 + 1 + 1 + 1)

        // Change everything a little: delete, create, modify.
        let other = try await w.h.createHaVip(w.otherVSwitch)
        try await w.h.stop(w.i[1])
        try await w.h.write { tx, _ in _ = try ResetOperations.reset(tx, scope: .account(Fixture.otherAccount)) }
        _ = try await w.h.createVpc("10.0.0.0/16", account: Fixture.otherAccount)
        #expect(try await Self.rowCounts(w.h) != before)

        let restored = try await w.h.write { tx, _ in try SnapshotOperations.restore(tx, name: "before") }
        #expect(restored == saved)
        #expect(try await Self.rowCounts(w.h) == before)
        let again = try await w.h.read { tx, _ in try SnapshotOperations.capture(tx) }
        #expect(again.resources == capture.resources)
        #expect(try await w.h.haVip(other.id) == nil)
        #expect(try await w.h.read { tx, context in try tx.fetch(Instance.self, w.i[1], account: context.account)?.status } == .running)
        // Byte for byte: the same rows with the same values.
        let (first, second) = try await w.h.write { tx, context in
            let first = try SnapshotOperations.save(tx, name: "first", capture: capture, now: context.now)
            let second = try SnapshotOperations.save(tx, name: "second", capture: again, now: context.now)
            return (first, second)
        }
        #expect(first.resources == second.resources)
        let (firstRows, secondRows) = (try await payloads(w.h, "first") ?? "", try await payloads(w.h, "second") ?? "")
        #expect(firstRows == secondRows, "\(firstRows.difference(from: secondRows).prefix(20))")
    }

    private func payloads(_ h: Harness, _ name: String) async throws -> String? {
        try await h.read { tx, _ in try tx.fetch(SnapshotContent.self, name, account: .emulator)?.payload }
    }

    @Test func snapshotsAreListedReplacedAndDeleted() async throws {
        let w = try await World.make(instances: 1, enis: 0)
        let capture = try await w.h.read { tx, _ in try SnapshotOperations.capture(tx) }
        try await w.h.write { tx, context in
            _ = try SnapshotOperations.save(tx, name: "a", capture: capture, now: context.now)
            _ = try SnapshotOperations.save(tx, name: "b", capture: capture, now: context.now + 1)
            _ = try SnapshotOperations.save(tx, name: "a", capture: capture, now: context.now + 2)
        }
        #expect(try await w.h.read { tx, _ in try SnapshotOperations.list(tx).map(\.name) } == ["b", "a"])
        try await w.h.write { tx, _ in try SnapshotOperations.delete(tx, name: "a") }
        #expect(try await w.h.read { tx, _ in try SnapshotOperations.list(tx).map(\.name) } == ["b"])
        await #expect(throws: APIError.controlNotFound("No snapshot is named a.")) {
            try await w.h.write { tx, _ in _ = try SnapshotOperations.restore(tx, name: "a") }
        }
        await #expect(throws: APIError.self) {
            try await w.h.write { tx, context in _ = try SnapshotOperations.save(tx, name: "x/y", capture: capture, now: context.now) }
        }
        #expect(try await w.h.read { tx, _ in try tx.count(Query(SnapshotContent.self, account: .emulator)) } == 1)
    }

    @Test func resetDeletesOneAccountsStateOrEveryAccountsAndLeavesTheControls() async throws {
        let w = try await Self.populatedWorld()
        let otherVpc = try await w.h.createVpc("10.0.0.0/16", account: Fixture.otherAccount)
        _ = try await w.h.createVSwitch(otherVpc, "10.0.1.0/24", account: Fixture.otherAccount)
        try await w.h.write { tx, context in
            _ = try FaultOperations.add(tx, FaultOperations.Rule(action: "*", latencyMs: 1), id: "fault-1", now: context.now)
            try Transitions.setMode(tx, .manual, now: context.now)
        }

        let deleted = try await w.h.write { tx, _ in try ResetOperations.reset(tx, scope: .account(Fixture.otherAccount)) }
        #expect(deleted == 3)  // the VPC, its route table, the vSwitch
        #expect(try await w.h.describe().total == 1)
        #expect(try await w.h.read(account: Fixture.otherAccount) { tx, context in try tx.count(Query(Vpc.self, account: context.account)) } == 0)

        let all = try await w.h.write { tx, _ in try ResetOperations.reset(tx, scope: .everyAccount) }
        #expect(all == 19)  // the populated world (with its route table and route) and nothing of the other account
        #expect(try await Self.rowCounts(w.h).values.allSatisfy { $0 == 0 })
        // The controls stay.
        #expect(try await w.h.read { tx, _ in try FaultOperations.list(tx).map(\.id) } == ["fault-1"])
        #expect(try await w.h.read { tx, _ in try Transitions.mode(tx, default: ModelSettings()) } == .manual)
        // And the cloud works as new: the vSwitch's addresses are free again in a new one.
        let vpc = try await w.h.createVpc()
        let vSwitch = try await w.h.createVSwitch(vpc, "192.168.1.0/24")
        #expect(try await w.h.createHaVip(vSwitch).ipAddress == "192.168.1.1")
    }
}

/// Restoring while other transactions create HaVips: each create lands wholly before the restore (and is
/// undone by it) or wholly after; the counters, addresses and rows always agree.
@Suite struct RestoreWhileServingTests {
    @Test func restoresRacingCreatesLeaveAConsistentState() async throws {
        let w = try await World.make(instances: 0, enis: 0)
        _ = try await w.h.createHaVip(w.vSwitch)
        let capture = try await w.h.read { tx, _ in try SnapshotOperations.capture(tx) }
        try await w.h.write { tx, context in _ = try SnapshotOperations.save(tx, name: "base", capture: capture, now: context.now) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask { for _ in 0..<5 { _ = try await w.h.createHaVip(w.vSwitch) } }
            }
            group.addTask {
                for _ in 0..<3 { try await w.h.write(settle: false) { tx, _ in _ = try SnapshotOperations.restore(tx, name: "base") } }
            }
            try await group.waitForAll()
        }
        let (haVips, counted, allocated) = try await w.h.read { tx, context in
            (
                try tx.count(Query(HaVip.self, account: context.account)),
                try tx.fetch(HaVipCounter.self, HaVipCounter.regionKey(context.regionId), account: context.account)?.count ?? 0,
                try IPAllocator.usedCount(tx, vSwitch: w.vSwitch)
            )
        }
        #expect(haVips >= 1 && haVips <= 21)
        #expect(counted == haVips)
        #expect(allocated == haVips)
    }
}
