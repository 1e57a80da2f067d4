/// What the kernel must do to go from one layout to the next: only what changed, removals before additions.
struct LabChanges: Equatable, Sendable {
    /// Gone, or rebuilt because the instance's primary interface changed: its processes are stopped and the namespace
    /// deleted, which deletes its interfaces and their bridge ports with it.
    var namespacesToRemove: [LabLayout.Namespace] = []
    /// Interfaces removed from namespaces that stay (an ENI detached, moved or changed).
    var endpointsToRemove: [LabLayout.Endpoint] = []
    var bridgesToRemove: [LabLayout.Bridge] = []
    var bridgesToAdd: [LabLayout.Bridge] = []
    var namespacesToAdd: [LabLayout.Namespace] = []
    /// Interfaces to create, in new namespaces or in ones that stay.
    var endpointsToAdd: [LabLayout.Endpoint] = []
    /// Namespaces that stay and were running, now stopped (and the reverse).
    var namespacesToStop: [LabLayout.Namespace] = []
    var namespacesToStart: [LabLayout.Namespace] = []
    /// The nftables sets that guard HaVip addresses must be rewritten.
    var guardChanged = false

    init(from old: LabLayout, to new: LabLayout) {
        let keptBridges = Set(new.bridges.keys.filter { old.bridges[$0] == new.bridges[$0] })
        bridgesToRemove = old.bridges.values.filter { !keptBridges.contains($0.vSwitchId) }.sorted { $0.name < $1.name }
        bridgesToAdd = new.bridges.values.filter { !keptBridges.contains($0.vSwitchId) }.sorted { $0.name < $1.name }

        // A namespace stays when its instance's primary interface is unchanged (which implies its bridge stayed too).
        let keptNamespaces = Set(
            new.namespaces.keys.filter { id in old.namespaces[id] != nil && old.endpoints[id] != nil && old.endpoints[id] == new.endpoints[id] })
        namespacesToRemove = old.namespaces.values.filter { !keptNamespaces.contains($0.instanceId) }.sorted { $0.name < $1.name }
        namespacesToAdd = new.namespaces.values.filter { !keptNamespaces.contains($0.instanceId) }.sorted { $0.name < $1.name }
        for id in keptNamespaces.sorted() {
            guard let before = old.namespaces[id], let after = new.namespaces[id], before.isRunning != after.isRunning else { continue }
            if after.isRunning { namespacesToStart.append(after) } else { namespacesToStop.append(after) }
        }

        let keptEndpoints = Set(
            new.endpoints.keys.filter { id in
                guard let endpoint = new.endpoints[id] else { return false }
                return keptNamespaces.contains(endpoint.instanceId) && old.endpoints[id] == endpoint
            })
        endpointsToRemove = old.endpoints.values
            .filter { !keptEndpoints.contains($0.id) && keptNamespaces.contains($0.instanceId) && new.namespaces[$0.instanceId] != nil }
            .sorted { $0.portName < $1.portName }
        endpointsToAdd = new.endpoints.values.filter { !keptEndpoints.contains($0.id) }.sorted { $0.portName < $1.portName }

        guardChanged = GuardSets(old) != GuardSets(new)
    }

    /// Whether any bridge port was created or deleted (the ARP watcher's port numbers must be read again).
    var portsChanged: Bool {
        !namespacesToRemove.isEmpty || !endpointsToRemove.isEmpty || !endpointsToAdd.isEmpty || !bridgesToAdd.isEmpty || !bridgesToRemove.isEmpty
    }
}

/// The contents of the nftables sets that guard HaVip addresses: every HaVip address, and which bridge port may claim which.
struct GuardSets: Equatable, Sendable {
    var protected: Set<LabIPv4>
    var allowed: Set<Claim>

    struct Claim: Hashable, Sendable {
        var address: LabIPv4
        var port: String
    }

    init(_ layout: LabLayout) {
        protected = Set(layout.haVips.values.map(\.address))
        allowed = Set(
            layout.haVips.values.flatMap { guarded in
                guarded.members.compactMap { member in layout.endpoints[member.endpointId].map { Claim(address: guarded.address, port: $0.portName) } }
            })
    }
}
