/// The lab as planned from a topology: every name the kernel sees, allocated so that whatever did not change keeps its
/// names from one reconcile to the next (which is what lets ``LabChanges`` touch only what changed).
///
/// Names: bridges `br<N>`, instance ports `p<N>` and client ports `c<N>` in the lab namespace (all within Linux's 15
/// characters, numbered from one counter); `eth0` for an instance's primary interface, `eth1`… for its ENIs, and `eth<k>`
/// per vSwitch in the client namespace.
struct LabLayout: Equatable, Sendable {
    /// A vSwitch's bridge, and the client's interface on it.
    struct Bridge: Equatable, Sendable {
        var vSwitchId: String
        var name: String
        var cidr: LabCIDR
        /// The client's port on the bridge (lab side) and its interface in the client namespace.
        var clientPort: String
        var clientInterface: String
    }

    /// An instance's namespace.
    struct Namespace: Equatable, Sendable {
        var instanceId: String
        var name: String
        var isRunning: Bool
    }

    /// An interface of an instance on a bridge: its primary (`eth0`, ID = the instance's) or an ENI (ID = the ENI's).
    struct Endpoint: Equatable, Sendable {
        var id: String
        var instanceId: String
        var vSwitchId: String
        var bridge: String
        var address: LabIPv4
        var prefixLength: Int
        var macAddress: String
        var interfaceName: String
        var portName: String
    }

    /// A HaVip: the address only its members' ports may claim.
    struct GuardedAddress: Equatable, Sendable {
        /// An association, as the store names it (instance, its primary ENI, or an ENI), and the endpoint it is.
        struct Member: Equatable, Sendable {
            var associationId: String
            var endpointId: String
        }

        var haVipId: String
        var vSwitchId: String
        var address: LabIPv4
        /// In association order.
        var members: [Member]
        /// keepalived's `virtual_router_id`, unique within the vSwitch.
        var virtualRouterId: Int
    }

    var bridges: [String: Bridge] = [:]
    var namespaces: [String: Namespace] = [:]
    var endpoints: [String: Endpoint] = [:]
    var haVips: [String: GuardedAddress] = [:]
    /// The counter behind `br<N>`, `p<N>`, `c<N>`: never reused while the lab runs.
    var nextNumber = 1

    static let empty = LabLayout()

    private mutating func number() -> Int {
        defer { nextNumber += 1 }
        return nextNumber
    }

    /// Endpoints of one instance, primary first.
    func endpoints(ofInstance instanceId: String) -> [Endpoint] {
        endpoints.values.filter { $0.instanceId == instanceId }.sorted { $0.interfaceName.interfaceOrder < $1.interfaceName.interfaceOrder }
    }

    /// The HaVips an endpoint is a member of.
    func haVips(withMember endpointId: String) -> [GuardedAddress] {
        haVips.values.filter { $0.members.contains { $0.endpointId == endpointId } }.sorted { $0.haVipId < $1.haVipId }
    }
}

extension LabLayout {
    /// Plans `topology`, keeping `previous`'s names for whatever is unchanged. Throws, changing nothing, when the
    /// topology contradicts itself.
    static func plan(_ topology: LabTopology, previous: LabLayout, names: LabNames) throws(LabError) -> LabLayout {
        try topology.checkIdentifiers()
        var layout = LabLayout(nextNumber: previous.nextNumber)
        try layout.planBridges(topology.vSwitches, previous: previous)
        try layout.planEndpoints(topology, previous: previous, names: names)
        try layout.planHaVips(topology, previous: previous)
        return layout
    }

    private mutating func planBridges(_ vSwitches: [LabTopology.VSwitch], previous: LabLayout) throws(LabError) {
        var fresh: [(String, LabCIDR)] = []
        for vSwitch in vSwitches.sorted(by: { $0.id < $1.id }) {
            guard let cidr = LabCIDR(vSwitch.cidrBlock) else {
                throw .invalidTopology("vSwitch \(vSwitch.id) has the block \(vSwitch.cidrBlock), not a.b.c.d/n with n ≤ 29")
            }
            if let kept = previous.bridges[vSwitch.id], kept.cidr == cidr {
                bridges[vSwitch.id] = kept
            } else {
                fresh.append((vSwitch.id, cidr))
            }
        }
        var clientInterfaces = Set(bridges.values.map(\.clientInterface))
        for (vSwitchId, cidr) in fresh {
            let number = number()
            let interface = Self.firstFree(from: 0, taken: clientInterfaces)
            clientInterfaces.insert(interface)
            bridges[vSwitchId] = Bridge(vSwitchId: vSwitchId, name: "br\(number)", cidr: cidr, clientPort: "c\(number)", clientInterface: interface)
        }
    }

    private mutating func planEndpoints(_ topology: LabTopology, previous: LabLayout, names: LabNames) throws(LabError) {
        var wanted: [Endpoint] = []
        for instance in topology.instances.sorted(by: { $0.id < $1.id }) {
            namespaces[instance.id] = Namespace(
                instanceId: instance.id, name: names.instanceNamespace(instance.id), isRunning: instance.isRunning)
            wanted.append(
                try endpoint(
                    id: instance.id, instanceId: instance.id, vSwitchId: instance.vSwitchId, address: instance.privateIpAddress,
                    macAddress: instance.macAddress, interfaceName: "eth0"))
        }
        for interface in topology.networkInterfaces.sorted(by: { $0.id < $1.id }) {
            guard let instanceId = interface.instanceId else { continue }
            guard namespaces[instanceId] != nil else {
                throw .invalidTopology("ENI \(interface.id) is attached to \(instanceId), which is not an instance of the topology")
            }
            wanted.append(
                try endpoint(
                    id: interface.id, instanceId: instanceId, vSwitchId: interface.vSwitchId, address: interface.primaryIpAddress,
                    macAddress: interface.macAddress, interfaceName: ""))
        }
        // Unchanged endpoints keep their names; the rest get new ones, ENIs the first free eth1, eth2, … of their instance.
        var fresh: [Endpoint] = []
        for var endpoint in wanted {
            if let kept = previous.endpoints[endpoint.id],
                kept.instanceId == endpoint.instanceId, kept.bridge == endpoint.bridge, kept.address == endpoint.address,
                kept.macAddress == endpoint.macAddress, endpoint.interfaceName.isEmpty || kept.interfaceName == endpoint.interfaceName
            {
                endpoint.interfaceName = kept.interfaceName
                endpoint.portName = kept.portName
                endpoints[endpoint.id] = endpoint
            } else {
                fresh.append(endpoint)
            }
        }
        for var endpoint in fresh {
            endpoint.portName = "p\(number())"
            if endpoint.interfaceName.isEmpty {
                let taken = Set(endpoints.values.filter { $0.instanceId == endpoint.instanceId }.map(\.interfaceName))
                endpoint.interfaceName = Self.firstFree(from: 1, taken: taken)
            }
            endpoints[endpoint.id] = endpoint
        }
        var owners: [String: String] = [:]
        for endpoint in endpoints.values.sorted(by: { $0.id < $1.id }) {
            let key = "\(endpoint.vSwitchId) \(endpoint.address)"
            if let other = owners[key] {
                throw .invalidTopology("\(other) and \(endpoint.id) both have \(endpoint.address) in vSwitch \(endpoint.vSwitchId)")
            }
            owners[key] = endpoint.id
        }
    }

    /// An endpoint with its address checked against its vSwitch, and no port yet.
    private func endpoint(
        id: String, instanceId: String, vSwitchId: String, address text: String, macAddress: String, interfaceName: String
    ) throws(LabError) -> Endpoint {
        let (bridge, address) = try place(text, in: vSwitchId, for: id)
        guard Self.isMACAddress(macAddress) else { throw .invalidTopology("\(id) has the MAC address \(macAddress), not xx:xx:xx:xx:xx:xx") }
        return Endpoint(
            id: id, instanceId: instanceId, vSwitchId: vSwitchId, bridge: bridge.name, address: address, prefixLength: bridge.cidr.prefixLength,
            macAddress: macAddress.lowercased(), interfaceName: interfaceName, portName: "")
    }

    /// The bridge of `vSwitchId` and `text` parsed, inside the vSwitch's block and not the client's address.
    private func place(_ text: String, in vSwitchId: String, for id: String) throws(LabError) -> (Bridge, LabIPv4) {
        guard let bridge = bridges[vSwitchId] else { throw .invalidTopology("\(id) is in vSwitch \(vSwitchId), which is not in the topology") }
        guard let address = LabIPv4(text), bridge.cidr.contains(address), address != bridge.cidr.network else {
            throw .invalidTopology("\(id) has the address \(text), not a host address of \(vSwitchId) (\(bridge.cidr))")
        }
        guard address != bridge.cidr.clientAddress else {
            throw .invalidTopology("\(id) has \(text), the address \(vSwitchId) reserves (the lab's client takes it)")
        }
        return (bridge, address)
    }

    private mutating func planHaVips(_ topology: LabTopology, previous: LabLayout) throws(LabError) {
        var aliases: [String: String] = [:]
        for instance in topology.instances {
            aliases[instance.id] = instance.id
            if let primary = instance.primaryNetworkInterfaceId { aliases[primary] = instance.id }
        }
        for interface in topology.networkInterfaces where endpoints[interface.id] != nil { aliases[interface.id] = interface.id }

        var fresh: [GuardedAddress] = []
        for haVip in topology.haVips.sorted(by: { $0.id < $1.id }) {
            let (_, address) = try place(haVip.ipAddress, in: haVip.vSwitchId, for: haVip.id)
            if let endpoint = endpoints.values.first(where: { $0.vSwitchId == haVip.vSwitchId && $0.address == address }) {
                throw .invalidTopology("HaVip \(haVip.id) has \(address), which \(endpoint.id) has too")
            }
            guard Set(haVip.associatedIds).count == haVip.associatedIds.count else {
                throw .invalidTopology("HaVip \(haVip.id) names an association twice")
            }
            var members: [GuardedAddress.Member] = []
            for associationId in haVip.associatedIds {
                guard let endpointId = aliases[associationId], let endpoint = endpoints[endpointId] else {
                    throw .invalidTopology("HaVip \(haVip.id) is associated with \(associationId), which is not an attached instance or ENI")
                }
                guard endpoint.vSwitchId == haVip.vSwitchId else {
                    throw .invalidTopology("HaVip \(haVip.id) is in \(haVip.vSwitchId) but \(associationId) is in \(endpoint.vSwitchId)")
                }
                members.append(GuardedAddress.Member(associationId: associationId, endpointId: endpointId))
            }
            var guarded = GuardedAddress(haVipId: haVip.id, vSwitchId: haVip.vSwitchId, address: address, members: members, virtualRouterId: 0)
            if let kept = previous.haVips[haVip.id], kept.vSwitchId == haVip.vSwitchId {
                guarded.virtualRouterId = kept.virtualRouterId
                haVips[haVip.id] = guarded
            } else {
                fresh.append(guarded)
            }
        }
        for var guarded in fresh {
            let taken = Set(haVips.values.filter { $0.vSwitchId == guarded.vSwitchId }.map(\.virtualRouterId))
            guard let free = (1...255).first(where: { !taken.contains($0) }) else {
                throw .invalidTopology("vSwitch \(guarded.vSwitchId) has more than 255 HaVips, keepalived's virtual router IDs")
            }
            guarded.virtualRouterId = free
            haVips[guarded.haVipId] = guarded
        }
    }

    /// `eth<k>` for the smallest k ≥ `from` not taken.
    private static func firstFree(from start: Int, taken: Set<String>) -> String {
        var index = start
        while taken.contains("eth\(index)") { index += 1 }
        return "eth\(index)"
    }

    private static func isMACAddress(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }
}

extension LabTopology {
    /// IDs name namespaces and files: letters, digits, `-`, `_`, `.`, and not `.` or `..`; each ID once.
    fileprivate func checkIdentifiers() throws(LabError) {
        let ids = vSwitches.map(\.id) + instances.map(\.id) + networkInterfaces.map(\.id) + haVips.map(\.id)
            + instances.compactMap(\.primaryNetworkInterfaceId)
        for id in ids {
            guard (1...64).contains(id.utf8.count), id != ".", id != "..", id != LabNames.clientTarget,
                id.utf8.allSatisfy({ $0 < 0x80 && (Character(UnicodeScalar($0)).isLetter || Character(UnicodeScalar($0)).isNumber || "-_.".utf8.contains($0)) })
            else { throw .invalidTopology("\(id) is not an ID the lab can name a namespace or a file after") }
        }
        guard Set(ids).count == ids.count else { throw .invalidTopology("an ID appears twice") }
    }
}

extension String {
    /// `eth10` after `eth9`.
    fileprivate var interfaceOrder: Int { Int(dropFirst(3)) ?? 0 }
}
