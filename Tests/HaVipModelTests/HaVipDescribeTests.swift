import HaVipModel
import Testing

/// DescribeHaVips through `HaVipOperations.describe`: paging, order, filters, tags, resource groups, scoping.
@Suite struct HaVipDescribeTests {
    /// Four HaVips in two VPCs:
    /// - `a`: main vSwitch, tags env=prod, team=blue
    /// - `b`: second vSwitch of the same VPC, tag env=dev, resource group `rg-aek2custom0001`
    /// - `c`: a vSwitch of another VPC with the same CIDR, at the same address as `a`, tag env=prod
    /// - `d`: main vSwitch, associated (InUse), no tags
    struct Landscape {
        let w: World
        let otherVpc: Vpc
        let otherVpcVSwitch: VSwitch
        let a: HaVip, b: HaVip, c: HaVip, d: HaVip

        static let customGroup = "rg-aek2custom0001"

        static func make() async throws -> Landscape {
            let w = try await World.make()
            let otherVpc = try await w.h.createVpc("192.168.0.0/16")
            let otherVpcVSwitch = try await w.h.createVSwitch(otherVpc, "192.168.1.0/24")
            let a = try await w.h.createHaVip(w.vSwitch, tags: [(key: "env", value: "prod"), (key: "team", value: "blue")])
            try await w.h.write { tx, context in _ = try ResourceGroupOperations.create(tx, context, id: customGroup, name: "custom") }
            let b = try await w.h.createHaVip(w.otherVSwitch, resourceGroupId: customGroup, tags: [(key: "env", value: "dev")])
            let c = try await w.h.createHaVip(otherVpcVSwitch, ipAddress: a.ipAddress, tags: [(key: "env", value: "prod")])
            let d = try await w.h.createHaVip(w.vSwitch)
            try await w.h.associate(d.id, w.i[0])
            return Landscape(w: w, otherVpc: otherVpc, otherVpcVSwitch: otherVpcVSwitch, a: a, b: b, c: c, d: d)
        }

        func ids(_ filters: [(key: HaVipQuery.FilterKey, values: [String])] = [], tags: [(key: String, value: String?)] = [], group: String? = nil)
            async throws -> [String]
        {
            let result = try await w.h.describe(HaVipQuery(filters: filters, tags: tags, resourceGroupId: group, page: PageRequest(size: 50)))
            #expect(result.total == result.ids.count)
            return result.ids
        }
    }

    // MARK: Paging and order

    @Test func pagesAreCompleteStableAndOldestFirst() async throws {
        let w = try await World.make()
        var created: [HaVip] = []
        for index in 0..<23 {
            if index % 3 == 0 { w.h.clock.advance(by: 1) }  // some share a creation time
            created.append(try await w.h.createHaVip(w.vSwitch))
        }
        let expected = created.sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }.map(\.id)
        var seen: [String] = []
        for (number, size) in [(1, 10), (2, 10), (3, 3), (4, 0)] {
            let page = try await w.h.describe(HaVipQuery(page: PageRequest(number: number, size: 10)))
            #expect(page.total == 23)
            #expect(page.ids.count == size, "page \(number)")
            seen += page.ids
        }
        #expect(seen == expected)
        #expect(Set(seen).count == 23)
        // The same page twice is the same page.
        #expect(try await w.h.describe(HaVipQuery(page: PageRequest(number: 2, size: 10))).ids == Array(expected[10..<20]))
        #expect(try await w.h.describe(HaVipQuery(page: PageRequest(number: 1, size: 50))).ids == expected)
        #expect(try await w.h.describe(HaVipQuery(page: PageRequest(number: 3, size: 7))).ids == Array(expected[14..<21]))
    }

    @Test func orderIsCreationTimeBeforeInsertionOrder() async throws {
        let w = try await World.make()
        let later = try await w.h.createHaVip(w.vSwitch)
        w.h.clock.advance(by: -100)
        let earlier = try await w.h.createHaVip(w.vSwitch)
        #expect(try await w.h.describe().ids == [earlier.id, later.id])
    }

    @Test func equalCreationTimesAreOrderedById() async throws {
        let w = try await World.make()
        let first = try await w.h.createHaVip(w.vSwitch)
        // Created after `first`, at the same time, with a smaller ID.
        let fresh = SequentialIDGenerator()
        let second = try await w.h.write(ids: fresh) { tx, context in
            try HaVipOperations.create(tx, context, HaVipOperations.CreateRequest(vSwitchId: w.vSwitch.id))
        }
        #expect(second.id < first.id && second.createdAt == first.createdAt)
        #expect(try await w.h.describe().ids == [second.id, first.id])
    }

    // MARK: Filters

    @Test func eachFilterKey() async throws {
        let l = try await Landscape.make()
        #expect(try await l.ids() == [l.a.id, l.b.id, l.c.id, l.d.id])
        #expect(try await l.ids([(.vpcId, [l.w.vpc.id])]) == [l.a.id, l.b.id, l.d.id])
        #expect(try await l.ids([(.vpcId, [l.otherVpc.id])]) == [l.c.id])
        #expect(try await l.ids([(.vSwitchId, [l.w.otherVSwitch.id])]) == [l.b.id])
        #expect(try await l.ids([(.status, ["InUse"])]) == [l.d.id])
        #expect(try await l.ids([(.status, ["Available"])]) == [l.a.id, l.b.id, l.c.id])
        #expect(try await l.ids([(.status, ["Creating"])]) == [])
        #expect(try await l.ids([(.haVipId, [l.b.id])]) == [l.b.id])
        #expect(try await l.ids([(.haVipAddress, [l.a.ipAddress])]) == [l.a.id, l.c.id])
        #expect(try await l.ids([(.haVipAddress, [l.d.ipAddress])]) == [l.d.id])
    }

    @Test func valuesOfOneKeyAreOredAndKeysAreAnded() async throws {
        let l = try await Landscape.make()
        #expect(try await l.ids([(.haVipId, [l.a.id, l.c.id])]) == [l.a.id, l.c.id])
        #expect(try await l.ids([(.status, ["Available", "InUse"])]) == [l.a.id, l.b.id, l.c.id, l.d.id])
        #expect(try await l.ids([(.vSwitchId, [l.w.vSwitch.id, l.otherVpcVSwitch.id])]) == [l.a.id, l.c.id, l.d.id])
        #expect(try await l.ids([(.vpcId, [l.w.vpc.id]), (.status, ["Available"])]) == [l.a.id, l.b.id])
        #expect(try await l.ids([(.haVipAddress, [l.a.ipAddress]), (.vpcId, [l.otherVpc.id])]) == [l.c.id])
        #expect(try await l.ids([(.haVipId, [l.a.id, l.d.id]), (.status, ["InUse"]), (.vSwitchId, [l.w.vSwitch.id])]) == [l.d.id])
        #expect(try await l.ids([(.haVipId, [l.a.id]), (.status, ["InUse"])]) == [])
    }

    @Test func anUnknownHaVipIdGivesAnEmptyList() async throws {
        let l = try await Landscape.make()
        let result = try await l.w.h.describe(HaVipQuery(filters: [(.haVipId, ["havip-doesnotexist000000000"])]))
        #expect(result.total == 0 && result.ids.isEmpty)
    }

    @Test func tagsMustAllBeCarried() async throws {
        let l = try await Landscape.make()
        #expect(try await l.ids(tags: [(key: "env", value: nil)]) == [l.a.id, l.b.id, l.c.id])
        #expect(try await l.ids(tags: [(key: "env", value: "prod")]) == [l.a.id, l.c.id])
        #expect(try await l.ids(tags: [(key: "env", value: "prod"), (key: "team", value: nil)]) == [l.a.id])
        #expect(try await l.ids(tags: [(key: "env", value: "dev"), (key: "team", value: nil)]) == [])
        #expect(try await l.ids(tags: [(key: "env", value: "staging")]) == [])
        #expect(try await l.ids(tags: [(key: "Env", value: nil)]) == [], "keys are case-sensitive")
        #expect(try await l.ids([(.vpcId, [l.w.vpc.id])], tags: [(key: "env", value: "prod")]) == [l.a.id])
    }

    @Test func resourceGroupFilter() async throws {
        let l = try await Landscape.make()
        #expect(try await l.ids(group: Landscape.customGroup) == [l.b.id])
        #expect(try await l.ids(group: ResourceGroup.defaultId(for: Fixture.account)) == [l.a.id, l.c.id, l.d.id])
        #expect(try await l.ids(group: "rg-nothing") == [])
        #expect(l.a.resourceGroupId == ResourceGroup.defaultId(for: Fixture.account))
        await #expect(throws: APIError.resourceGroupIdInvalid) { try await l.w.h.createHaVip(l.w.vSwitch, resourceGroupId: "group-1") }
    }

    @Test func viewsCarryMembersEipsAndTags() async throws {
        let l = try await Landscape.make()
        let eip = try await l.w.h.allocateEip()
        try await l.w.h.write { tx, context in
            try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: l.d.id, instanceType: "HaVip")
        }
        try await l.w.h.associate(l.d.id, l.w.i[1])
        let views = try await l.w.h.read { tx, context in try HaVipOperations.describe(tx, context, HaVipQuery(page: PageRequest(size: 50))).items }
        let a = try #require(views.first { $0.haVip.id == l.a.id })
        let d = try #require(views.first { $0.haVip.id == l.d.id })
        #expect(a.tags.map(\.key) == ["env", "team"] && a.tags.map(\.value) == ["prod", "blue"])
        #expect(a.associatedInstanceIds.isEmpty && a.eipAddresses.isEmpty)
        #expect(d.associatedInstanceIds == [l.w.i[0], l.w.i[1]])
        #expect(d.eipAddresses == [eip.ipAddress])
        #expect(d.haVip.masterInstanceId == l.w.i[0])
    }

    // MARK: Scoping

    @Test func anotherRegionIsAnotherWorld() async throws {
        let l = try await Landscape.make()
        let h = l.w.h
        let beijingVpc = try await h.createVpc("10.0.0.0/8", region: Fixture.otherRegion)
        let beijingVSwitch = try await h.createVSwitch(beijingVpc, "10.0.0.0/24", zone: Fixture.otherZone, region: Fixture.otherRegion)
        let beijing = try await h.createHaVip(beijingVSwitch, region: Fixture.otherRegion)
        #expect(try await h.describe(region: Fixture.otherRegion).ids == [beijing.id])
        #expect(try await h.describe().ids == [l.a.id, l.b.id, l.c.id, l.d.id])
        #expect(try await h.describe(HaVipQuery(filters: [(.haVipId, [beijing.id])])).total == 0)
        await #expect(throws: APIError.haVipNotFound) { try await h.write { tx, context in try HaVipOperations.find(tx, context, beijing.id) } }
        await #expect(throws: APIError.haVipVSwitchNotFound) { try await h.createHaVip(beijingVSwitch) }
    }

    @Test func anotherAccountSeesNothing() async throws {
        let l = try await Landscape.make()
        let h = l.w.h
        let stranger = Fixture.otherAccount
        #expect(try await h.describe(account: stranger).total == 0)
        #expect(try await h.describe(HaVipQuery(filters: [(.haVipId, [l.a.id])]), account: stranger).total == 0)
        await #expect(throws: APIError.haVipNotFound) {
            try await h.write(account: stranger) { tx, context in try HaVipOperations.find(tx, context, l.a.id) }
        }
        await #expect(throws: APIError.haVipNotFound) {
            try await h.write(account: stranger) { tx, context in try HaVipOperations.delete(tx, context, id: l.a.id) }
        }
        await #expect(throws: APIError.haVipVSwitchNotFound) { try await h.createHaVip(l.w.vSwitch, account: stranger) }
        // The stranger's own HaVips are theirs alone.
        let vpc = try await h.createVpc("192.168.0.0/16", account: stranger)
        let vSwitch = try await h.createVSwitch(vpc, "192.168.1.0/24", account: stranger)
        let theirs = try await h.createHaVip(vSwitch, account: stranger)
        #expect(theirs.ipAddress == "192.168.1.1", "addresses are per vSwitch, not per account")
        #expect(try await h.describe(account: stranger).ids == [theirs.id])
        #expect(try await h.describe().ids == [l.a.id, l.b.id, l.c.id, l.d.id])
    }

    /// TotalCount for the region, one VPC and one vSwitch comes from counters kept with every create and
    /// removal; it must equal what a COUNT says.
    @Test func countedTotalsMatchTheRows() async throws {
        let w = try await World.make()
        var made: [HaVip] = []
        for _ in 0..<5 { made.append(try await w.availableHaVip()) }
        try await w.h.deleteHaVip(made[1].id)
        try await w.h.deleteHaVip(made[3].id)
        let other = try await w.h.createHaVip(w.otherVSwitch)
        let filters: [[(key: HaVipQuery.FilterKey, values: [String])]] = [
            [], [(.vpcId, [w.vpc.id])], [(.vSwitchId, [w.vSwitch.id])], [(.vSwitchId, [w.otherVSwitch.id])],
            [(.status, ["Available"])], [(.vpcId, ["vpc-none"])],
        ]
        let expected = [4, 4, 3, 1, 4, 0]
        for (filter, count) in zip(filters, expected) {
            #expect(try await w.h.describe(HaVipQuery(filters: filter)).total == count, "\(filter)")
        }
        try await w.h.deleteHaVip(other.id)
        #expect(try await w.h.describe(HaVipQuery(filters: [(.vSwitchId, [w.otherVSwitch.id])])).total == 0)
    }
}
