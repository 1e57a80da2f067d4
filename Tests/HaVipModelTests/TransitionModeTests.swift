import HaVipModel
import Testing

/// The transition mode, in the store: manual holds every asynchronous HaVip status until a step; switching
/// modes settles, holds or releases what is pending.
@Suite struct TransitionModeTests {
    static let delayed = ModelSettings(transitionDelay: 5)

    func setMode(_ h: Harness, _ mode: TransitionMode) async throws {
        try await h.write(settle: false) { tx, context in try Transitions.setMode(tx, mode, now: context.now) }
    }

    func step(_ h: Harness) async throws -> Int {
        try await h.write(settle: false) { tx, context in try Transitions.step(tx, now: context.now) }
    }

    @Test func theDefaultIsTheServersDelayAndASetModeIsSharedThroughTheStore() async throws {
        let h = try Harness(settings: Self.delayed)
        #expect(try await h.read { tx, context in try Transitions.mode(tx, default: context.settings) } == .delay(seconds: 5))
        try await setMode(h, .delay(seconds: 0.5))
        // Another node, with another --transition-delay, reads the same store: the mode set wins.
        #expect(try await h.read { tx, _ in try Transitions.mode(tx, default: ModelSettings(transitionDelay: 0)) } == .delay(seconds: 0.5))
        await #expect(throws: APIError.self) { try await setMode(h, .delay(seconds: -1)) }
        await #expect(throws: APIError.self) { try await setMode(h, .delay(seconds: 3_601)) }
    }

    @Test func manualModeHoldsEveryTransitionUntilAStep() async throws {
        let w = try await World.make(settings: Self.delayed, instances: 2, enis: 0)
        try await setMode(w.h, .manual)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 3_600)
        try await w.h.settle()
        #expect(try await w.status(haVip.id) == .creating)
        #expect(try await step(w.h) == 1)
        #expect(try await w.status(haVip.id) == .available)
        #expect(try await step(w.h) == 0)

        try await w.h.associate(haVip.id, w.i[0])
        w.h.clock.advance(by: 3_600)
        try await w.h.settle()
        #expect(try await w.status(haVip.id) == .associating)
        #expect(try await step(w.h) == 1)
        #expect(try await w.status(haVip.id) == .inUse)

        try await w.h.unassociate(haVip.id, w.i[0])
        #expect(try await w.status(haVip.id) == .unassociating)
        #expect(try await step(w.h) == 1)
        #expect(try await w.status(haVip.id) == .available)

        try await w.h.deleteHaVip(haVip.id)
        #expect(try await w.status(haVip.id) == .deleting)
        #expect(try await step(w.h) == 1)
        #expect(try await w.h.haVip(haVip.id) == nil)
    }

    @Test func aStepAdvancesEveryAccountsPendingTransitionsHeldOrCountingDown() async throws {
        let w = try await World.make(settings: Self.delayed, instances: 1, enis: 0)
        let counting = try await w.h.createHaVip(w.vSwitch)
        let otherVpc = try await w.h.createVpc("10.0.0.0/16", account: Fixture.otherAccount)
        let otherVSwitch = try await w.h.createVSwitch(otherVpc, "10.0.1.0/24", account: Fixture.otherAccount)
        try await setMode(w.h, .manual)
        let held = try await w.h.createHaVip(otherVSwitch, account: Fixture.otherAccount)
        #expect(try await w.h.haVip(counting.id)?.dueAt == nil)  // switching to manual held it
        #expect(try await step(w.h) == 2)
        #expect(try await w.status(counting.id) == .available)
        #expect(try await w.h.haVip(held.id, account: Fixture.otherAccount)?.status == .available)
    }

    @Test func switchingModesSettlesWhatIsDueHoldsTheRestAndReleasesHeldOnes() async throws {
        let w = try await World.make(settings: Self.delayed, instances: 1, enis: 0)
        let due = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 6)  // due, not yet settled by any request
        let pending = try await w.h.createHaVip(w.vSwitch)
        try await setMode(w.h, .manual)
        #expect(try await w.status(due.id) == .available)
        #expect(try await w.h.haVip(pending.id)?.status == .creating)
        #expect(try await w.h.haVip(pending.id)?.dueAt == nil)

        // Back to a delay: held transitions get that delay from now.
        try await setMode(w.h, .delay(seconds: 2))
        #expect(try await w.h.haVip(pending.id)?.dueAt == w.h.clock.now() + 2)
        w.h.clock.advance(by: 2)
        try await w.h.settle()
        #expect(try await w.status(pending.id) == .available)

        // A delay of 0 finishes held transitions at once.
        try await setMode(w.h, .manual)
        let third = try await w.h.createHaVip(w.vSwitch)
        try await setMode(w.h, .delay(seconds: 0))
        #expect(try await w.status(third.id) == .available)
        // And new transitions are synchronous.
        try await w.h.associate(third.id, w.i[0])
        #expect(try await w.status(third.id) == .inUse)
    }
}

/// Route entries go `Pending → Available` by the same mode: held in manual mode until a step (which advances
/// HaVips and routes together), due after a delay, released when the mode changes.
@Suite struct RouteEntryTransitionTests {
    func setMode(_ h: Harness, _ mode: TransitionMode) async throws {
        try await h.write(settle: false) { tx, context in try Transitions.setMode(tx, mode, now: context.now) }
    }

    func createRoute(_ w: World, _ haVipId: String, _ cidr: String) async throws -> RouteEntry {
        let tableId = w.vpc.routeTableId
        return try await w.h.write { tx, context in
            try RouteOperations.createEntry(tx, context, .init(routeTableId: tableId, destinationCidrBlock: cidr, nextHopType: .haVip, nextHopId: haVipId))
        }
    }

    func status(_ w: World, _ id: String) async throws -> RouteEntryStatus? {
        try await w.h.read { tx, context in try tx.fetch(RouteEntry.self, id, account: context.account)?.status }
    }

    @Test func aStepAdvancesRoutesAndHaVipsTogether() async throws {
        let w = try await World.make(settings: TransitionModeTests.delayed, instances: 0, enis: 0)
        let haVip = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 5)
        try await w.h.settle()
        try await setMode(w.h, .manual)
        let route = try await createRoute(w, haVip.id, "10.99.0.0/16")
        let other = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: 3_600)
        try await w.h.settle()
        #expect(try await status(w, route.id) == .pending)
        #expect(try await w.h.write(settle: false) { tx, context in try Transitions.step(tx, now: context.now) } == 2)
        #expect(try await status(w, route.id) == .available)
        #expect(try await w.status(other.id) == .available)
    }

    @Test func aDelayedRouteIsDueLikeAHaVip() async throws {
        let w = try await World.make(settings: TransitionModeTests.delayed, instances: 0, enis: 0)
        try await setMode(w.h, .delay(seconds: 0))
        let haVip = try await w.h.createHaVip(w.vSwitch)
        try await setMode(w.h, .delay(seconds: 2))
        let route = try await createRoute(w, haVip.id, "10.99.0.0/16")
        #expect(try await status(w, route.id) == .pending)
        #expect(try await w.h.read { tx, context in try Transitions.anyDue(tx, account: context.account, now: context.now + 2) })
        w.h.clock.advance(by: 2)
        try await w.h.settle()
        #expect(try await status(w, route.id) == .available)
        // Held by manual mode, released by a delay of 0.
        try await setMode(w.h, .manual)
        let held = try await createRoute(w, haVip.id, "10.98.0.0/16")
        #expect(try await status(w, held.id) == .pending)
        try await setMode(w.h, .delay(seconds: 0))
        #expect(try await status(w, held.id) == .available)
    }
}
