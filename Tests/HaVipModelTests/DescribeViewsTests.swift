import HaVipModel
import Testing

/// Every Describe loads a page and what it shows beside each item with a fixed number of statements
/// (one per related table), whatever the page size: no read per item. The batched views are checked
/// against the same facts read one item at a time.
@Suite struct DescribeViewsTests {
    /// A network with several of everything: two VPCs (three vSwitches, tags on everything taggable), four
    /// instances, three ENIs, three EIPs (one on an instance, one on a HaVip), four HaVips with members.
    struct Fleet {
        let w: World
        let otherVpc: Vpc
        let haVips: [HaVip]
        let eips: [Eip]

        static func make() async throws -> Fleet {
            let w = try await World.make()
            let h = w.h
            let otherVpc = try await h.createVpc("10.0.0.0/16")
            _ = try await h.createVSwitch(otherVpc, "10.0.1.0/24")
            var haVips: [HaVip] = []
            for index in 0..<4 {
                let haVip = try await h.createHaVip(w.vSwitch, tags: [(key: "n", value: "\(index)")])
                try await h.associate(haVip.id, w.i[index % 3])
                haVips.append(haVip)
            }
            var eips: [Eip] = []
            for _ in 0..<3 { eips.append(try await h.allocateEip()) }
            try await h.write { [eips, haVips] tx, context in
                try EipOperations.associate(tx, context, allocationId: eips[0].id, instanceId: w.i[1], instanceType: nil)
                try EipOperations.associate(tx, context, allocationId: eips[1].id, instanceId: haVips[2].id, instanceType: "HaVip")
                for (type, ids) in [(ResourceType.vpc, [w.vpc.id, otherVpc.id]), (.vSwitch, [w.vSwitch.id, w.otherVSwitch.id]), (.eip, eips.map(\.id))] {
                    try TagOperations.tag(tx, context, resourceType: type, resourceIds: ids, tags: [(key: "env", value: "test"), (key: "team", value: "x")])
                }
            }
            return Fleet(w: w, otherVpc: otherVpc, haVips: haVips, eips: eips)
        }

        /// The statements a describe runs for a page of one item and for a page of `size` items, and the
        /// bigger page's answer.
        func statements<T: Sendable>(
            size: Int, _ describe: @escaping @Sendable (any StoreTransaction, OperationContext, PageRequest) throws -> Page<T>
        ) async throws -> (one: Int, many: Int, page: Page<T>) {
            let one = try await w.h.counted { tx, context in try describe(tx, context, PageRequest(size: 1)) }
            let many = try await w.h.counted { tx, context in try describe(tx, context, PageRequest(size: size)) }
            #expect(one.answer.items.count == 1)
            #expect(many.answer.items.count == size)
            return (one.statements, many.statements, many.answer)
        }
    }

    @Test func haVips() async throws {
        let f = try await Fleet.make()
        let (one, many, page) = try await f.statements(size: 4) { tx, context, page in
            try HaVipOperations.describe(tx, context, HaVipQuery(page: page))
        }
        // The counter, the page, associations, EIPs, tags.
        #expect(one == 5 && many == 5)
        #expect(page.items.map(\.associatedInstanceIds) == [[f.w.i[0]], [f.w.i[1]], [f.w.i[2]], [f.w.i[0]]])
        #expect(page.items.map(\.eipAddresses) == [[], [], [f.eips[1].ipAddress], []])
        #expect(page.items.map { $0.tags.map(\.value) } == [["0"], ["1"], ["2"], ["3"]])
    }

    @Test func vpcs() async throws {
        let f = try await Fleet.make()
        let (one, many, page) = try await f.statements(size: 2) { tx, context, page in
            try NetworkOperations.describeVpcs(tx, context, VpcQuery(page: page))
        }
        // The count, the page, vSwitches, tags.
        #expect(one == 4 && many == 4)
        let perVpc = try await f.w.h.read { tx, context in
            try page.items.map { view in
                try tx.select(Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, view.vpc.id)])).map(\.id).sorted()
            }
        }
        #expect(page.items.map { $0.vSwitchIds.sorted() } == perVpc)
        #expect(page.items.map(\.vSwitchIds.count) == [2, 1])
        #expect(page.items.allSatisfy { $0.tags.map(\.key) == ["env", "team"] })
    }

    @Test func vSwitches() async throws {
        let f = try await Fleet.make()
        let (one, many, page) = try await f.statements(size: 3) { tx, context, page in
            try NetworkOperations.describeVSwitches(tx, context, VSwitchQuery(page: page))
        }
        // The count, the page, VPCs, address counts, tags.
        #expect(one == 5 && many == 5)
        let expected = try await f.w.h.read { tx, context in
            try page.items.map { view in
                (
                    try NetworkOperations.availableAddressCount(tx, view.vSwitch),
                    try tx.fetch(Vpc.self, view.vSwitch.vpcId, account: context.account)?.routeTableId ?? ""
                )
            }
        }
        #expect(page.items.map(\.availableAddressCount) == expected.map(\.0))
        #expect(page.items.map(\.routeTableId) == expected.map(\.1))
        // 252 usable in a /24; the main vSwitch holds 3 instances, 2 ENIs and 4 HaVips.
        #expect(page.items.map(\.availableAddressCount) == [252 - 9, 252 - 2, 252])
        #expect(page.items.map { $0.tags.count } == [2, 2, 0])
    }

    @Test func eips() async throws {
        let f = try await Fleet.make()
        let (one, many, page) = try await f.statements(size: 3) { tx, context, page in
            try EipOperations.describe(tx, context, EipQuery(page: page))
        }
        // The count, the page, tags.
        #expect(one == 3 && many == 3)
        #expect(page.items.map(\.eip.id) == f.eips.map(\.id))
        #expect(page.items.allSatisfy { $0.tags.map(\.key) == ["env", "team"] })
    }

    @Test func instances() async throws {
        let f = try await Fleet.make()
        let (one, many, page) = try await f.statements(size: 4) { tx, context, page in
            try ComputeOperations.describeInstances(tx, context, InstanceQuery(page: page))
        }
        // The count, the page, primary ENIs, EIPs, tags.
        #expect(one == 5 && many == 5)
        #expect(page.items.map { $0.networkInterface?.id } == page.items.map(\.instance.primaryNetworkInterfaceId))
        #expect(page.items.map { $0.networkInterface?.primaryIpAddress } == page.items.map(\.instance.privateIpAddress))
        #expect(page.items.map { $0.eip?.id } == [nil, f.eips[0].id, nil, nil])
    }

    @Test func securityGroupsAndNetworkInterfaces() async throws {
        let f = try await Fleet.make()
        _ = try await f.w.h.createSecurityGroup(f.w.vpc)
        let groups = try await f.statements(size: 2) { tx, context, page in
            try ComputeOperations.describeSecurityGroups(tx, context, SecurityGroupQuery(page: page))
        }
        // The count, the page, tags, rules, the VPCs' primary ENIs (their instances' groups).
        #expect(groups.one == 5 && groups.many == 5)
        let enis = try await f.statements(size: 7) { tx, context, page in
            try ComputeOperations.describeNetworkInterfaces(tx, context, NetworkInterfaceQuery(page: page))
        }
        // The count, the page, the EIPs of the primary ENIs' instances, tags.
        #expect(enis.one == 4 && enis.many == 4)
        #expect(enis.page.total == 7)
    }

    /// A filter that names no status matches nothing, and the total says so.
    @Test func unknownStatusesMatchNothing() async throws {
        let f = try await Fleet.make()
        let (instances, eips, enis) = try await f.w.h.read { tx, context in
            var instanceQuery = InstanceQuery()
            instanceQuery.status = "Exploded"
            var eipQuery = EipQuery()
            eipQuery.status = "InUse"
            eipQuery.instanceType = "HaVip"
            var eniQuery = NetworkInterfaceQuery()
            eniQuery.type = "Tertiary"
            return (
                try ComputeOperations.describeInstances(tx, context, instanceQuery).total, try EipOperations.describe(tx, context, eipQuery).total,
                try ComputeOperations.describeNetworkInterfaces(tx, context, eniQuery).total
            )
        }
        #expect(instances == 0 && eips == 1 && enis == 0)
    }
}
