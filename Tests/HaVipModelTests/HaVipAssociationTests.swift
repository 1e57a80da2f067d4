import HaVipModel
import Testing

/// Association rules and the simulated failover of MasterInstanceId (docs/semantics.md).
@Suite struct HaVipAssociationTests {
    // MARK: Master election and failover

    @Test func theFirstAssociatedInstanceIsMaster() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        #expect(try await w.master(haVip.id) == nil)
        for id in w.i { try await w.h.associate(haVip.id, id) }
        #expect(try await w.master(haVip.id) == w.i[0])
        #expect(try await w.h.members(haVip) == w.i)
    }

    @Test func stoppingTheMasterFailsOverToTheNextRunningThenToTheFirstWhenNoneRuns() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        for id in w.i { try await w.h.associate(haVip.id, id) }
        try await w.h.stop(w.i[1])  // not the master: nothing moves
        #expect(try await w.master(haVip.id) == w.i[0])
        try await w.h.stop(w.i[0])
        #expect(try await w.master(haVip.id) == w.i[2], "i1 is stopped, so i2 is the first running")
        try await w.h.stop(w.i[2])
        #expect(try await w.master(haVip.id) == w.i[0], "none runs: the first associated")
    }

    @Test func failoverFollowsAssociationOrderNotCreationOrder() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        for id in [w.i[2], w.i[0], w.i[1]] { try await w.h.associate(haVip.id, id) }
        #expect(try await w.master(haVip.id) == w.i[2])
        try await w.h.stop(w.i[2])
        #expect(try await w.master(haVip.id) == w.i[0])
        try await w.h.stop(w.i[0])
        #expect(try await w.master(haVip.id) == w.i[1])
    }

    @Test func startingAnInstanceDoesNotStealTheRole() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        for id in w.i { try await w.h.associate(haVip.id, id) }
        try await w.h.stop(w.i[0])
        #expect(try await w.master(haVip.id) == w.i[1])
        try await w.h.start(w.i[0])
        #expect(try await w.master(haVip.id) == w.i[1], "the old master came back but the running master keeps the role")
        try await w.h.stop(w.i[2])
        try await w.h.start(w.i[2])
        #expect(try await w.master(haVip.id) == w.i[1])
    }

    @Test func aStoppedInstanceCanBeAssociated() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        try await w.h.stop(w.i[0])
        try await w.h.associate(haVip.id, w.i[0])
        #expect(try await w.master(haVip.id) == w.i[0], "the only one, running or not")
        #expect(try await w.status(haVip.id) == .inUse)
    }

    @Test func unassociatingTheMasterWhileOthersRemainNeedsForce() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        for id in w.i { try await w.h.associate(haVip.id, id) }
        await #expect(throws: APIError.haVipMasterNeedsForce) { try await w.h.unassociate(haVip.id, w.i[0]) }
        #expect(try await w.h.members(haVip) == w.i)
        try await w.h.unassociate(haVip.id, w.i[2])  // not the master: no force needed
        try await w.h.unassociate(haVip.id, w.i[0], force: true)
        #expect(try await w.master(haVip.id) == w.i[1])
        try await w.h.unassociate(haVip.id, w.i[1])  // the last one: no force needed
        #expect(try await w.master(haVip.id) == nil)
        let haVipAfter = try #require(try await w.h.haVip(haVip.id))
        #expect(haVipAfter.status == .available && haVipAfter.associatedInstanceType == nil)
    }

    @Test func forcedUnassociationOfTheMasterMovesTheRoleToTheFirstRunning() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        for id in w.i { try await w.h.associate(haVip.id, id) }
        try await w.h.stop(w.i[1])
        try await w.h.unassociate(haVip.id, w.i[0], force: true)
        #expect(try await w.master(haVip.id) == w.i[2])
    }

    @Test func deletingAnInstanceRemovesItsAssociationsAndFailsOver() async throws {
        let w = try await World.make()
        let first = try await w.availableHaVip()
        let second = try await w.availableHaVip()
        for id in w.i.prefix(2) { try await w.h.associate(first.id, id) }
        try await w.h.associate(second.id, w.i[0])
        let eip = try await w.h.allocateEip()
        try await w.h.write { tx, context in
            try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: w.i[0], instanceType: nil)
        }
        await #expect(throws: APIError.instanceIncorrectStatus) {
            try await w.h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: false) }
        }
        try await w.h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: true) }

        #expect(try await w.h.members(first) == [w.i[1]])
        #expect(try await w.master(first.id) == w.i[1])
        #expect(try await w.status(first.id) == .inUse)
        let left = try #require(try await w.h.haVip(second.id))
        #expect(left.status == .available)
        #expect(left.masterInstanceId == nil && left.associatedInstanceType == nil)
        #expect(try await w.h.members(second) == [])
        let unbound = try await w.h.read { tx, context in try EipOperations.find(tx, context, eip.id) }
        #expect(unbound.status == .available && unbound.instanceId == nil)
        // The HaVip left with nothing can be deleted, and associated with an ENI now.
        try await w.h.associate(second.id, w.enis[0].id, type: .networkInterface)
        #expect(try await w.master(second.id) == w.enis[0].id)
    }

    @Test func deletingAnInstanceWhileAssociatingLeavesTheHaVipAvailable() async throws {
        let w = try await World.make(settings: ModelSettings(transitionDelay: 5))
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.i[0])
        #expect(try await w.status(haVip.id) == .associating)
        try await w.h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: true) }
        #expect(try await w.status(haVip.id) == .available)
        try await w.h.finishTransitions()
        #expect(try await w.status(haVip.id) == .available, "the pending Associating → InUse must not fire")
    }

    /// An instance's primary ENI can be associated too; deleting the instance takes it off the HaVip
    /// (it used to stay there, leaving the HaVip InUse with nothing that could be unassociated).
    @Test func deletingAnInstanceTakesItsPrimaryEniOffItsHaVips() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        let primary = w.instances[0].primaryNetworkInterfaceId
        try await w.h.associate(haVip.id, primary, type: .networkInterface)
        #expect(try await w.status(haVip.id) == .inUse)
        try await w.h.write { tx, context in try ComputeOperations.delete(tx, context, id: w.i[0], force: true) }
        let left = try #require(try await w.h.haVip(haVip.id))
        #expect(left.status == .available && left.masterInstanceId == nil)
        #expect(try await w.h.members(haVip) == [])
        try await w.h.deleteHaVip(haVip.id)
    }

    @Test func anInstanceOfAnotherRegionDoesNotExist() async throws {
        let w = try await World.make()
        await #expect(throws: APIError.instanceNotFound) {
            try await w.h.write(region: Fixture.otherRegion) { tx, context in try ComputeOperations.stop(tx, context, id: w.i[0]) }
        }
    }

    @Test func deletingAnEniRemovesItFromItsHaVips() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.enis[0].id, type: .networkInterface)
        try await w.h.associate(haVip.id, w.enis[1].id, type: .networkInterface)
        #expect(try await w.master(haVip.id) == w.enis[0].id)
        try await w.h.write { tx, context in try ComputeOperations.deleteNetworkInterface(tx, context, id: w.enis[0].id) }
        #expect(try await w.master(haVip.id) == w.enis[1].id)
        try await w.h.write { tx, context in try ComputeOperations.deleteNetworkInterface(tx, context, id: w.enis[1].id) }
        #expect(try await w.status(haVip.id) == .available)
        #expect(try await w.master(haVip.id) == nil)
    }

    // MARK: Association rules

    @Test func theInstanceMustBeInTheHaVipsVSwitch() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        await #expect(throws: APIError.haVipVSwitchMismatch) { try await w.h.associate(haVip.id, w.otherInstance.id) }
        await #expect(throws: APIError.haVipVSwitchMismatch) {
            try await w.h.associate(haVip.id, w.otherEni.id, type: .networkInterface)
        }
        #expect(try await w.status(haVip.id) == .available)
    }

    @Test(arguments: [InstanceStatus.pending, .starting, .stopping])
    func theInstanceMustBeRunningOrStopped(status: InstanceStatus) async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        var instance = w.instances[0]
        instance.status = status
        try await w.h.write { [instance] tx, _ in try tx.update(instance) }
        await #expect(throws: APIError.haVipInstanceIncorrectStatus) { try await w.h.associate(haVip.id, w.i[0]) }
    }

    @Test func unknownInstancesAndInterfacesAreNotFound() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        await #expect(throws: APIError.instanceNotFound) { try await w.h.associate(haVip.id, "i-nothing") }
        await #expect(throws: APIError.networkInterfaceNotFound) {
            try await w.h.associate(haVip.id, "eni-nothing", type: .networkInterface)
        }
        // An ENI ID given as an ECS instance is not an instance.
        await #expect(throws: APIError.instanceNotFound) { try await w.h.associate(haVip.id, w.enis[0].id) }
        await #expect(throws: APIError.haVipNotFound) { try await w.h.associate("havip-nothing", w.i[0]) }
    }

    @Test func associationsPerHaVipAreLimited() async throws {
        let w = try await World.make(settings: ModelSettings(transitionDelay: 0, maxAssociationsPerHaVip: 2))
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.i[0])
        try await w.h.associate(haVip.id, w.i[1])
        await #expect(throws: APIError.haVipInstanceLimit) { try await w.h.associate(haVip.id, w.i[2]) }
        try await w.h.unassociate(haVip.id, w.i[1])
        try await w.h.associate(haVip.id, w.i[2])
        #expect(try await w.h.members(haVip) == [w.i[0], w.i[2]])
    }

    @Test func haVipsPerInstanceAreLimited() async throws {
        let w = try await World.make(settings: ModelSettings(transitionDelay: 0, maxHaVipsPerInstance: 2))
        let a = try await w.availableHaVip()
        let b = try await w.availableHaVip()
        let c = try await w.availableHaVip()
        try await w.h.associate(a.id, w.i[0])
        try await w.h.associate(b.id, w.i[0])
        await #expect(throws: APIError.haVipPerInstanceLimit) { try await w.h.associate(c.id, w.i[0]) }
        try await w.h.associate(c.id, w.i[1])
    }

    @Test func associatingTwiceIsDuplicated() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipAlreadyAssociated) { try await w.h.associate(haVip.id, w.i[0]) }
        #expect(try await w.h.members(haVip) == [w.i[0]])
    }

    @Test func unassociatingWhatIsNotAssociatedIsRefused() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipNotAssociated) { try await w.h.unassociate(haVip.id, w.i[1]) }
    }

    @Test func instancesAndInterfacesNeverMix() async throws {
        let w = try await World.make()
        let ecs = try await w.availableHaVip()
        try await w.h.associate(ecs.id, w.i[0])
        await #expect(throws: APIError.haVipInstanceTypeMixed) {
            try await w.h.associate(ecs.id, w.enis[0].id, type: .networkInterface)
        }
        let eni = try await w.availableHaVip()
        try await w.h.associate(eni.id, w.enis[0].id, type: .networkInterface)
        #expect(try await w.h.haVip(eni.id)?.associatedInstanceType == .networkInterface)
        await #expect(throws: APIError.haVipInstanceTypeMixed) { try await w.h.associate(eni.id, w.i[0]) }
        // Once empty, either kind is welcome again.
        try await w.h.unassociate(ecs.id, w.i[0])
        try await w.h.associate(ecs.id, w.enis[1].id, type: .networkInterface)
        #expect(try await w.h.haVip(ecs.id)?.associatedInstanceType == .networkInterface)
    }

    @Test func unassociateTakesTheHaVipsInstanceTypeWhenAbsent() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.enis[0].id, type: .networkInterface)
        try await w.h.unassociate(haVip.id, w.enis[0].id)
        #expect(try await w.status(haVip.id) == .available)
    }
}
