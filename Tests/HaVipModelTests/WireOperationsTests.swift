import HaVipModel
import Testing

/// What the netns data plane reads of the store (every account's topology) and writes back (the masters the wire shows).
@Suite struct WireOperationsTests {
    @Test func theTopologyHoldsEveryAccountsVSwitchesInstancesENIsAndAssociationsInOrder() async throws {
        let w = try await World.make(instances: 3, enis: 1)
        let haVip = try await w.availableHaVip()
        try await w.associateSettled(haVip.id, w.i[1])
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.h.stop(w.i[2])
        // Another account's vSwitch and instance are on the wire too.
        let otherVpc = try await w.h.createVpc("10.0.0.0/8", account: Fixture.otherAccount)
        let otherVSwitch = try await w.h.createVSwitch(otherVpc, "10.1.0.0/24", account: Fixture.otherAccount)
        let otherGroup = try await w.h.createSecurityGroup(otherVpc, account: Fixture.otherAccount)
        let other = try await w.h.runInstances(otherVSwitch, otherGroup, account: Fixture.otherAccount)

        let topology = try await w.h.read { tx, _ in try WireOperations.topology(tx) }
        #expect(Set(topology.vSwitches.map(\.id)) == [w.vSwitch.id, w.otherVSwitch.id, otherVSwitch.id])
        #expect(topology.vSwitches.first { $0.id == otherVSwitch.id }?.cidrBlock == "10.1.0.0/24")
        #expect(Set(topology.instances.map(\.id)) == Set(w.i + [w.otherInstance.id] + other.map(\.id)))
        let first = try #require(topology.instances.first { $0.id == w.i[0] })
        #expect(first.privateIpAddress == w.instances[0].privateIpAddress && first.vSwitchId == w.vSwitch.id && first.isRunning)
        #expect(first.primaryNetworkInterfaceId == w.instances[0].primaryNetworkInterfaceId)
        let primary = try await w.h.read { tx, context in
            try tx.fetch(NetworkInterface.self, w.instances[0].primaryNetworkInterfaceId, account: context.account)
        }
        #expect(first.macAddress == primary?.macAddress && first.macAddress.hasPrefix("00:16:3e:"))
        #expect(topology.instances.first { $0.id == w.i[2] }?.isRunning == false)
        // Secondary ENIs only; primary ones are their instances' own interfaces.
        #expect(Set(topology.networkInterfaces.map(\.id)) == [w.enis[0].id, w.otherEni.id])
        let eni = try #require(topology.networkInterfaces.first { $0.id == w.enis[0].id })
        #expect(eni.instanceId == nil && eni.macAddress == w.enis[0].macAddress && eni.primaryIpAddress == w.enis[0].primaryIpAddress)
        // Association order, not ID order: the first associated gets keepalived's highest priority.
        #expect(topology.haVips.map(\.id) == [haVip.id])
        #expect(topology.haVips[0].associatedIds == [w.i[1], w.i[0]] && topology.haVips[0].ipAddress == haVip.ipAddress)
        #expect(topology.instances.map(\.id) == topology.instances.map(\.id).sorted())
    }

    @Test func theWiresHoldersBecomeMastersWhereTheModelAllowsIt() async throws {
        let w = try await World.make(instances: 3, enis: 0)
        let haVip = try await w.availableHaVip()
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.associateSettled(haVip.id, w.i[1])
        try await w.associateSettled(haVip.id, w.i[2])
        #expect(try await w.master(haVip.id) == w.i[0])
        #expect(try await w.h.read { tx, _ in try WireOperations.masters(tx) } == [haVip.id: w.i[0]])

        func follow(_ holders: [String: String]) async throws -> [String] {
            try await w.h.write { tx, context in try WireOperations.follow(tx, holders: holders, now: context.now) }.map(\.id)
        }
        #expect(try await follow([haVip.id: w.i[1]]) == [haVip.id])
        #expect(try await w.master(haVip.id) == w.i[1])
        // Already the master: nothing written.
        #expect(try await follow([haVip.id: w.i[1]]).isEmpty)
        // A holder the store has stopped, or one not associated, or a HaVip unknown: the model keeps its master.
        try await w.h.stop(w.i[2])
        #expect(try await follow([haVip.id: w.i[2], "havip-gone": w.i[0]]).isEmpty)
        try await w.h.unassociate(haVip.id, w.i[0])
        #expect(try await follow([haVip.id: w.i[0]]).isEmpty)
        #expect(try await w.master(haVip.id) == w.i[1])
    }
}
