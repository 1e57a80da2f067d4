import HaVipModel
import Testing

/// The HaVip status machine (docs/semantics.md, "HaVip status machine").
@Suite struct HaVipStatusTests {
    static let delayed = ModelSettings(transitionDelay: 5)

    @Test func everyTransitionWaitsForItsDueTime() async throws {
        let w = try await World.make(settings: Self.delayed)
        let h = w.h
        let created = try await h.createHaVip(w.vSwitch, tags: [(key: "env", value: "test")])
        #expect(created.status == .creating)
        #expect(created.nextStatus == .available)
        #expect(created.dueAt == h.clock.now() + 5)

        h.clock.advance(by: 4.5)
        try await h.settle()
        #expect(try await w.status(created.id) == .creating)
        h.clock.advance(by: 0.5)  // exactly due
        try await h.settle()
        let available = try #require(try await h.haVip(created.id))
        #expect(available.status == .available)
        #expect(available.nextStatus == nil && available.dueAt == nil)

        try await h.associate(created.id, w.i[0])
        #expect(try await w.status(created.id) == .associating)
        #expect(try await w.master(created.id) == w.i[0])
        h.clock.advance(by: 3)
        try await h.settle()
        #expect(try await w.status(created.id) == .associating)
        h.clock.advance(by: 3)
        try await h.settle()
        #expect(try await w.status(created.id) == .inUse)

        try await h.unassociate(created.id, w.i[0])
        #expect(try await w.status(created.id) == .unassociating)
        #expect(try await w.master(created.id) == nil)
        try await h.finishTransitions()
        #expect(try await w.status(created.id) == .available)

        let usedBefore = try await h.usedAddresses(w.vSwitch)
        try await h.deleteHaVip(created.id)
        #expect(try await w.status(created.id) == .deleting)
        #expect(try await h.usedAddresses(w.vSwitch) == usedBefore, "the address is held until the HaVip is gone")
        try await h.finishTransitions()
        #expect(try await h.haVip(created.id) == nil)
        #expect(try await h.usedAddresses(w.vSwitch) == usedBefore - 1)
        let tags = try await h.read { tx, context in try tx.count(Query(Tag.self, account: context.account, [.equals(Tag.column.resourceId, created.id)])) }
        #expect(tags == 0)
        await #expect(throws: APIError.haVipNotFound) { try await h.write { tx, context in try HaVipOperations.find(tx, context, created.id) } }
    }

    @Test func unassociatingOneOfSeveralReturnsToInUse() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.availableHaVip()
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.associateSettled(haVip.id, w.i[1])
        #expect(try await w.status(haVip.id) == .inUse)
        try await w.h.unassociate(haVip.id, w.i[1])
        let unassociating = try #require(try await w.h.haVip(haVip.id))
        #expect(unassociating.status == .unassociating && unassociating.nextStatus == .inUse)
        try await w.h.finishTransitions()
        #expect(try await w.status(haVip.id) == .inUse)
        #expect(try await w.h.members(haVip) == [w.i[0]])
    }

    /// Any write of the account finishes what is due first, as every request does.
    @Test func theNextOperationOfTheAccountFinishesDueTransitions() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 6)
        try await w.h.associate(haVip.id, w.i[0])  // would be IncorrectHaVipStatus while Creating
        #expect(try await w.status(haVip.id) == .associating)
    }

    @Test func anotherAccountDoesNotSettleMine() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 6)
        try await w.h.settle(account: Fixture.otherAccount)
        #expect(try await w.status(haVip.id) == .creating)
    }

    @Test func withoutDelayEveryTransitionIsImmediate() async throws {
        let w = try await World.make(settings: ModelSettings(transitionDelay: 0))
        let h = w.h
        let haVip = try await h.createHaVip(w.vSwitch, tags: [(key: "k", value: "v")])
        #expect(haVip.status == .available && haVip.nextStatus == nil && haVip.dueAt == nil)
        try await h.associate(haVip.id, w.i[0])
        #expect(try await w.status(haVip.id) == .inUse)
        try await h.associate(haVip.id, w.i[1])
        #expect(try await w.status(haVip.id) == .inUse)
        try await h.unassociate(haVip.id, w.i[1])
        #expect(try await w.status(haVip.id) == .inUse)
        try await h.unassociate(haVip.id, w.i[0])
        #expect(try await w.status(haVip.id) == .available)
        let used = try await h.usedAddresses(w.vSwitch)
        try await h.deleteHaVip(haVip.id)
        #expect(try await h.haVip(haVip.id) == nil)
        #expect(try await h.usedAddresses(w.vSwitch) == used - 1)
        #expect(try await h.freeRuns(w.vSwitch).first?.hasPrefix(haVip.ipAddress + "-") == true, "its address is free again")
    }

    // MARK: Conditional transitions

    @Test func aSecondAssociationWhileAssociatingIsRefused() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.availableHaVip()
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipAssociateIncorrectStatus) { try await w.h.associate(haVip.id, w.i[1]) }
        try await w.h.finishTransitions()
        try await w.h.associate(haVip.id, w.i[1])
        #expect(try await w.h.members(haVip) == [w.i[0], w.i[1]])
    }

    @Test func associationNeedsAvailableOrInUse() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        await #expect(throws: APIError.haVipAssociateIncorrectStatus) { try await w.h.associate(haVip.id, w.i[0]) }
        try await w.h.finishTransitions()
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.h.unassociate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipAssociateIncorrectStatus) { try await w.h.associate(haVip.id, w.i[1]) }
        try await w.h.finishTransitions()
        try await w.h.deleteHaVip(haVip.id)
        await #expect(throws: APIError.haVipAssociateIncorrectStatus) { try await w.h.associate(haVip.id, w.i[1]) }
    }

    @Test func unassociationNeedsInUse() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.availableHaVip()
        await #expect(throws: APIError.haVipUnassociateIncorrectStatus) { try await w.h.unassociate(haVip.id, w.i[0]) }
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipUnassociateIncorrectStatus) { try await w.h.unassociate(haVip.id, w.i[0]) }
        try await w.h.finishTransitions()
        try await w.h.unassociate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipUnassociateIncorrectStatus) { try await w.h.unassociate(haVip.id, w.i[0]) }
    }

    @Test func deletionNeedsAvailable() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        await #expect(throws: APIError.haVipDeleteIncorrectStatus) { try await w.h.deleteHaVip(haVip.id) }  // Creating
        try await w.h.finishTransitions()
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipDeleteIncorrectStatus) { try await w.h.deleteHaVip(haVip.id) }  // Associating
        try await w.h.finishTransitions()
        await #expect(throws: APIError.haVipDeleteIncorrectStatus) { try await w.h.deleteHaVip(haVip.id) }  // InUse
        try await w.h.unassociate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipDeleteIncorrectStatus) { try await w.h.deleteHaVip(haVip.id) }  // Unassociating
        try await w.h.finishTransitions()
        try await w.h.deleteHaVip(haVip.id)
        await #expect(throws: APIError.haVipDeleteIncorrectStatus) { try await w.h.deleteHaVip(haVip.id) }  // Deleting
        try await w.h.finishTransitions()
        await #expect(throws: APIError.haVipNotFound) { try await w.h.deleteHaVip(haVip.id) }
    }

    @Test func deletionWithABoundEipIsADependencyViolation() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        let eip = try await w.h.allocateEip()
        try await w.h.write { tx, context in
            try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: haVip.id, instanceType: "HaVip")
        }
        await #expect(throws: APIError.haVipAssociatedWithEip) { try await w.h.deleteHaVip(haVip.id) }
        #expect(try await w.status(haVip.id) == .available)
        try await w.h.write { tx, context in
            try EipOperations.unassociate(tx, context, allocationId: eip.id, instanceId: haVip.id, instanceType: "HaVip")
        }
        try await w.h.deleteHaVip(haVip.id)
        #expect(try await w.h.haVip(haVip.id) == nil)
    }

    @Test func modificationNeedsAvailableOrInUse() async throws {
        let w = try await World.make(settings: Self.delayed)
        let haVip = try await w.h.createHaVip(w.vSwitch, name: "before")
        @Sendable func modify(_ name: String) async throws {
            try await w.h.write { tx, context in try HaVipOperations.modify(tx, context, id: haVip.id, name: name, description: nil) }
        }
        await #expect(throws: APIError.haVipModifyIncorrectStatus) { try await modify("creating") }
        try await w.h.finishTransitions()
        try await modify("available")
        try await w.h.associate(haVip.id, w.i[0])
        await #expect(throws: APIError.haVipModifyIncorrectStatus) { try await modify("associating") }
        try await w.h.finishTransitions()
        try await modify("in-use")
        #expect(try await w.h.haVip(haVip.id)?.name == "in-use")
        try await w.h.write { tx, context in try HaVipOperations.modify(tx, context, id: haVip.id, name: nil, description: "d") }
        let modified = try #require(try await w.h.haVip(haVip.id))
        #expect(modified.name == "in-use" && modified.description == "d", "an absent field is left as it is")
    }
}
