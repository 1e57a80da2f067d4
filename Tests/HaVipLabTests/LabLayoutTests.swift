import Testing

@testable import HaVipLab

@Suite struct LabLayoutTests {
    let names = LabNames.standard

    @Test func namesEverything() throws {
        let layout = try LabLayout.plan(LabFixtures.topology(b: false), previous: .empty, names: names)
        #expect(layout.bridges["vsw-1"] == LabLayout.Bridge(vSwitchId: "vsw-1", name: "br1", cidr: LabCIDR("10.77.1.0/24")!, clientPort: "c1", clientInterface: "eth0"))
        #expect(layout.namespaces["i-a"] == LabLayout.Namespace(instanceId: "i-a", name: "havip-i-a", isRunning: true))
        #expect(layout.namespaces["i-b"]?.isRunning == false)
        let a = try #require(layout.endpoints["i-a"])
        #expect((a.interfaceName, a.portName, a.bridge, a.address.description, a.prefixLength) == ("eth0", "p2", "br1", "10.77.1.11", 24))
        let guarded = try #require(layout.haVips["havip-1"])
        #expect(guarded.members.map(\.associationId) == ["i-a", "i-b"])
        #expect(guarded.virtualRouterId == 1)
    }

    @Test func unchangedThingsKeepTheirNames() throws {
        let first = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        var topology = LabFixtures.topology()
        topology.instances.append(LabFixtures.instance("d", host: 14))
        topology.haVips.append(LabTopology.HaVip(id: "havip-0", vSwitchId: "vsw-1", ipAddress: "10.77.1.99", associatedIds: []))
        let second = try LabLayout.plan(topology, previous: first, names: names)
        for id in ["i-a", "i-b", "i-c"] { #expect(second.endpoints[id] == first.endpoints[id]) }
        #expect(second.bridges == first.bridges)
        #expect(second.endpoints["i-d"]?.portName == "p\(first.nextNumber)")
        // A new HaVip takes the first free virtual router ID; the old one keeps its own.
        #expect(second.haVips["havip-1"]?.virtualRouterId == 1)
        #expect(second.haVips["havip-0"]?.virtualRouterId == 2)
    }

    @Test func enisTakeTheNextInterfaceOfTheirInstance() throws {
        var topology = LabFixtures.topology()
        topology.networkInterfaces = [
            LabTopology.NetworkInterface(id: "eni-1", vSwitchId: "vsw-1", primaryIpAddress: "10.77.1.21", macAddress: "00:16:3e:00:02:01", instanceId: "i-c"),
            LabTopology.NetworkInterface(id: "eni-2", vSwitchId: "vsw-1", primaryIpAddress: "10.77.1.22", macAddress: "00:16:3e:00:02:02", instanceId: "i-c"),
            LabTopology.NetworkInterface(id: "eni-3", vSwitchId: "vsw-1", primaryIpAddress: "10.77.1.23", macAddress: "00:16:3e:00:02:03", instanceId: nil),
        ]
        topology.haVips[0].associatedIds = ["eni-primary-a", "eni-2"]
        let layout = try LabLayout.plan(topology, previous: .empty, names: names)
        #expect(layout.endpoints["eni-1"]?.interfaceName == "eth1")
        #expect(layout.endpoints["eni-2"]?.interfaceName == "eth2")
        #expect(layout.endpoints["eni-3"] == nil)
        // A HaVip may name an instance by its primary ENI; the member keeps the name it was associated by.
        #expect(layout.haVips["havip-1"]?.members == [.init(associationId: "eni-primary-a", endpointId: "i-a"), .init(associationId: "eni-2", endpointId: "eni-2")])

        // eni-1 detached: eni-2 keeps eth2, and a newly attached ENI takes the free eth1.
        topology.networkInterfaces[0].instanceId = nil
        topology.networkInterfaces[2].instanceId = "i-c"
        let next = try LabLayout.plan(topology, previous: layout, names: names)
        #expect(next.endpoints["eni-2"] == layout.endpoints["eni-2"])
        #expect(next.endpoints["eni-3"]?.interfaceName == "eth1")
    }

    static let contradictions: [String: LabTopology] = [
        "an instance in an unknown vSwitch": changed { t in t.instances[0].vSwitchId = "vsw-9" },
        "an address outside the block": changed { t in t.instances[0].privateIpAddress = "10.77.2.11" },
        "the client's address": changed { t in t.instances[0].privateIpAddress = "10.77.1.253" },
        "two instances on one address": changed { t in t.instances[1].privateIpAddress = "10.77.1.11" },
        "a HaVip on an instance's address": changed { t in t.haVips[0].ipAddress = "10.77.1.12" },
        "a HaVip associated with an unknown instance": changed { t in t.haVips[0].associatedIds = ["i-z"] },
        "an association named twice": changed { t in t.haVips[0].associatedIds = ["i-a", "i-a"] },
        "an ID with a slash": changed { t in t.instances[0].id = "i-a/../x" },
        "an ID used twice": changed { t in t.instances[1].id = "i-a" },
        "a bad MAC address": changed { t in t.instances[0].macAddress = "00:16:3e" },
        "a block with host bits": changed { t in t.vSwitches[0].cidrBlock = "10.77.1.1/24" },
    ]

    private static func changed(_ change: (inout LabTopology) -> Void) -> LabTopology {
        var topology = LabFixtures.topology()
        change(&topology)
        return topology
    }

    @Test(arguments: contradictions.keys.sorted())
    func contradictionsAreRefused(_ what: String) throws {
        let topology = try #require(Self.contradictions[what])
        #expect(throws: LabError.self) { try LabLayout.plan(topology, previous: .empty, names: names) }
    }

    @Test func theClientTakesTheGatewayAddress() throws {
        #expect(LabCIDR("192.168.1.0/24")?.clientAddress.description == "192.168.1.253")
        #expect(LabCIDR("172.16.0.0/29")?.clientAddress.description == "172.16.0.5")
        #expect(LabCIDR("10.0.0.0/30") == nil)
        #expect(LabIPv4("10.0.0.256") == nil)
        #expect(LabIPv4("10.0.0") == nil)
        #expect(LabIPv4("010.0.0.1")?.description == "10.0.0.1")
    }
}

@Suite struct LabChangesTests {
    let names = LabNames.standard

    @Test func nothingChangedMeansNothingToDo() throws {
        let layout = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        let again = try LabLayout.plan(LabFixtures.topology(), previous: layout, names: names)
        let changes = LabChanges(from: layout, to: again)
        #expect(changes == LabChanges(from: again, to: again))
        #expect(changes.namespacesToAdd.isEmpty && changes.endpointsToAdd.isEmpty && !changes.guardChanged && !changes.portsChanged)
    }

    @Test func fromEmptyEverythingIsAdded() throws {
        let layout = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        let changes = LabChanges(from: .empty, to: layout)
        #expect(changes.bridgesToAdd.map(\.name) == ["br1"])
        #expect(changes.namespacesToAdd.map(\.name) == ["havip-i-a", "havip-i-b", "havip-i-c"])
        #expect(changes.endpointsToAdd.count == 3)
        #expect(changes.guardChanged)
    }

    @Test func stoppingAndStartingKeepTheNamespace() throws {
        let running = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        let stopped = try LabLayout.plan(LabFixtures.topology(running: false), previous: running, names: names)
        let stopping = LabChanges(from: running, to: stopped)
        #expect(stopping.namespacesToStop.map(\.instanceId) == ["i-a"])
        #expect(stopping.namespacesToRemove.isEmpty && stopping.namespacesToAdd.isEmpty && stopping.endpointsToAdd.isEmpty)
        let starting = LabChanges(from: stopped, to: try LabLayout.plan(LabFixtures.topology(), previous: stopped, names: names))
        #expect(starting.namespacesToStart.map(\.instanceId) == ["i-a"])
    }

    @Test func deletingAnInstanceRemovesOnlyItsNamespace() throws {
        let before = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        var topology = LabFixtures.topology()
        topology.instances.removeLast()
        let changes = LabChanges(from: before, to: try LabLayout.plan(topology, previous: before, names: names))
        #expect(changes.namespacesToRemove.map(\.instanceId) == ["i-c"])
        #expect(changes.endpointsToRemove.isEmpty && changes.endpointsToAdd.isEmpty && changes.bridgesToRemove.isEmpty)
        #expect(!changes.guardChanged)
    }

    @Test func anAssociationChangesOnlyTheGuard() throws {
        let before = try LabLayout.plan(LabFixtures.topology(), previous: .empty, names: names)
        let after = try LabLayout.plan(LabFixtures.topology(associated: ["i-a", "i-b", "i-c"]), previous: before, names: names)
        let changes = LabChanges(from: before, to: after)
        #expect(changes.guardChanged)
        #expect(!changes.portsChanged && changes.namespacesToStart.isEmpty && changes.namespacesToStop.isEmpty)
        #expect(GuardSets(after).allowed.map(\.port).sorted() == ["p2", "p3", "p4"])
    }

    @Test func aMovedENIIsRebuiltInItsNewInstance() throws {
        var topology = LabFixtures.topology()
        topology.networkInterfaces = [
            LabTopology.NetworkInterface(id: "eni-1", vSwitchId: "vsw-1", primaryIpAddress: "10.77.1.21", macAddress: "00:16:3e:00:02:01", instanceId: "i-a")
        ]
        let before = try LabLayout.plan(topology, previous: .empty, names: names)
        topology.networkInterfaces[0].instanceId = "i-b"
        let after = try LabLayout.plan(topology, previous: before, names: names)
        let changes = LabChanges(from: before, to: after)
        #expect(changes.endpointsToRemove.map(\.id) == ["eni-1"])
        #expect(changes.endpointsToAdd.map { "\($0.id) \($0.instanceId) \($0.interfaceName)" } == ["eni-1 i-b eth1"])
    }
}
