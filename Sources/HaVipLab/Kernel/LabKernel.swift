import Foundation

/// What the lab does to the kernel, through `ip` and `nft`: namespaces, bridges, veth pairs, addresses, the nftables
/// guard. Commands for one namespace go to one `ip -batch`; nothing is ever created in the host's namespace (a veth is
/// created in the lab namespace with its peer placed straight into the instance's).
struct LabKernel: Sendable {
    let names: LabNames
    let tools: LabTools
    let runner: CommandRunner
    let gracePeriod: Duration

    // MARK: - The base: the lab and client namespaces, the nftables guard

    /// The nftables table in the lab namespace. A bridge port may send ARP for a HaVip address (a gratuitous ARP, an
    /// answer, a request from it) only if the HaVip is associated with it: the VPC drops the rest before the bridge
    /// learns or forwards anything, so the client's ARP entry never points elsewhere. IPv4 from the address is not
    /// filtered: an instance answering through another interface of the same vSwitch (an ENI's HaVip, say) still works.
    static let guardTable = """
        table bridge havip {
            set protected {
                type ipv4_addr
            }
            set allowed {
                type ipv4_addr . ifname
            }
            chain prerouting {
                type filter hook prerouting priority filter; policy accept;
                arp saddr ip @protected arp saddr ip . iifname != @allowed counter drop
            }
        }

        """

    func createBase() async throws(LabError) {
        try await ip(["netns add \(names.labNamespace)", "netns add \(names.clientNamespace)"])
        try await ip(["link set lo up"], in: names.labNamespace)
        try await ip(["link set lo up"], in: names.clientNamespace)
        try await nft(Self.guardTable)
        try makeRunDirectory(of: names.clientNamespace)
    }

    /// Every namespace with the lab's prefix: the lab's own, or a crashed run's.
    func ownedNamespaces() async throws(LabError) -> [String] {
        try await runner.run([tools.ip, "netns", "list"]).split(separator: "\n")
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter(names.owns(namespace:))
    }

    /// Removes every namespace with the lab's prefix (their processes first) and the runtime directory; returns the
    /// namespaces removed.
    @discardableResult
    func removeEverything() async throws(LabError) -> [String] {
        let namespaces = try await ownedNamespaces()
        try await removeNamespaces(namespaces)
        try? FileManager.default.removeItem(atPath: names.runtimeDirectory)
        return namespaces
    }

    /// Stops the processes in `namespaces`, then deletes them (their interfaces go with them) and their run directories.
    func removeNamespaces(_ namespaces: [String]) async throws(LabError) {
        guard !namespaces.isEmpty else { return }
        await NamespaceProcesses.stop(in: namespaces, names: names, gracePeriod: gracePeriod)
        try await ip(namespaces.map { "netns del \($0)" })
        for namespace in namespaces { try? FileManager.default.removeItem(atPath: names.runtimeDirectory + "/" + namespace) }
    }

    /// Back to an empty lab (no instance namespaces, bridges or guarded addresses), after a change that failed halfway.
    func clearTopology() async throws(LabError) {
        try await removeNamespaces(try await ownedNamespaces().filter { $0 != names.labNamespace && $0 != names.clientNamespace })
        let links = try await interfaceIndexes(in: names.labNamespace).values.filter { $0 != "lo" }
        let bridgesLast = links.filter { !$0.hasPrefix("br") } + links.filter { $0.hasPrefix("br") }
        for link in bridgesLast { _ = try await runner.attempt([tools.ip, "-n", names.labNamespace, "link", "del", link]) }
        try await writeGuard(GuardSets(.empty))
    }

    // MARK: - Changes

    /// Applies `changes` (planned from the current layout to `layout`): removals, additions, then stops and starts.
    func apply(_ changes: LabChanges, to layout: LabLayout) async throws(LabError) {
        try await remove(changes)
        try await add(changes, layout: layout)
        try await stop(changes.namespacesToStop, layout: layout)
        try await start(changes.namespacesToStart, layout: layout)
    }

    private func remove(_ changes: LabChanges) async throws(LabError) {
        try await removeNamespaces(changes.namespacesToRemove.map(\.name))
        var lab: [String] = changes.endpointsToRemove.map { "link del \($0.portName)" }
        lab += changes.bridgesToRemove.flatMap { ["link del \($0.clientPort)", "link del \($0.name)"] }
        try await ip(lab, in: names.labNamespace)
    }

    private func add(_ changes: LabChanges, layout: LabLayout) async throws(LabError) {
        try await ip(changes.namespacesToAdd.map { "netns add \($0.name)" })
        for namespace in changes.namespacesToAdd { try makeRunDirectory(of: namespace.name) }

        var lab: [String] = []
        var client: [String] = []
        for bridge in changes.bridgesToAdd {
            // No multicast snooping: keepalived configurations that multicast their adverts reach every port.
            lab += [
                "link add \(bridge.name) type bridge mcast_snooping 0", "link set \(bridge.name) addrgenmode none",
                "link set \(bridge.name) alias \(bridge.vSwitchId)", "link set \(bridge.name) up",
                "link add \(bridge.clientPort) type veth peer name \(bridge.clientInterface) netns \(names.clientNamespace)",
                "link set \(bridge.clientPort) addrgenmode none", "link set \(bridge.clientPort) alias client",
                "link set \(bridge.clientPort) master \(bridge.name)", "link set \(bridge.clientPort) up",
            ]
            client += [
                "link set \(bridge.clientInterface) addrgenmode none",
                "addr add \(bridge.cidr.clientAddress)/\(bridge.cidr.prefixLength) dev \(bridge.clientInterface)",
                "link set \(bridge.clientInterface) up",
            ]
        }
        var inNamespaces: [String: [String]] = [:]
        for namespace in changes.namespacesToAdd { inNamespaces[namespace.name] = ["link set lo up"] }
        for endpoint in changes.endpointsToAdd {
            guard let namespace = layout.namespaces[endpoint.instanceId] else { continue }
            lab += [
                "link add \(endpoint.portName) type veth peer name \(endpoint.interfaceName) netns \(namespace.name) address \(endpoint.macAddress)",
                "link set \(endpoint.portName) addrgenmode none", "link set \(endpoint.portName) alias \(endpoint.id)",
                "link set \(endpoint.portName) master \(endpoint.bridge)", "link set \(endpoint.portName) \(namespace.isRunning ? "up" : "down")",
            ]
            inNamespaces[namespace.name, default: []] += ["link set \(endpoint.interfaceName) addrgenmode none"]
            if namespace.isRunning { inNamespaces[namespace.name, default: []] += Self.bringUp(endpoint) }
        }
        try await ip(lab, in: names.labNamespace)
        try await ip(client, in: names.clientNamespace)
        try await ip(inNamespaces)
    }

    /// Stopped instances: their processes ended, their `/run` emptied, their addresses gone and links down, as after a
    /// shutdown; the bridge port goes down too, so nothing they do reaches the vSwitch.
    private func stop(_ namespaces: [LabLayout.Namespace], layout: LabLayout) async throws(LabError) {
        guard !namespaces.isEmpty else { return }
        await NamespaceProcesses.stop(in: namespaces.map(\.name), names: names, gracePeriod: gracePeriod)
        var lab: [String] = []
        var inNamespaces: [String: [String]] = [:]
        for namespace in namespaces {
            try? FileManager.default.removeItem(atPath: names.runDirectory(ofNamespace: namespace.name))
            try makeRunDirectory(of: namespace.name)
            for endpoint in layout.endpoints(ofInstance: namespace.instanceId) {
                lab.append("link set \(endpoint.portName) down")
                inNamespaces[namespace.name, default: []] += ["addr flush dev \(endpoint.interfaceName)", "link set \(endpoint.interfaceName) down"]
            }
        }
        try await ip(lab, in: names.labNamespace)
        try await ip(inNamespaces)
    }

    private func start(_ namespaces: [LabLayout.Namespace], layout: LabLayout) async throws(LabError) {
        var lab: [String] = []
        var inNamespaces: [String: [String]] = [:]
        for namespace in namespaces {
            for endpoint in layout.endpoints(ofInstance: namespace.instanceId) {
                lab.append("link set \(endpoint.portName) up")
                inNamespaces[namespace.name, default: []] += Self.bringUp(endpoint)
            }
        }
        try await ip(lab, in: names.labNamespace)
        try await ip(inNamespaces)
    }

    private static func bringUp(_ endpoint: LabLayout.Endpoint) -> [String] {
        ["addr replace \(endpoint.address)/\(endpoint.prefixLength) dev \(endpoint.interfaceName)", "link set \(endpoint.interfaceName) up"]
    }

    // MARK: - The guard, the ports, addresses

    /// Rewrites the guard's sets in one nftables transaction: no moment without the rules.
    func writeGuard(_ sets: GuardSets) async throws(LabError) {
        var script = "flush set bridge havip protected\nflush set bridge havip allowed\n"
        if !sets.protected.isEmpty {
            script += "add element bridge havip protected { \(sets.protected.sorted().map(\.description).joined(separator: ", ")) }\n"
        }
        if !sets.allowed.isEmpty {
            let elements = sets.allowed.sorted { ($0.address, $0.port) < ($1.address, $1.port) }.map { "\($0.address) . \"\($0.port)\"" }
            script += "add element bridge havip allowed { \(elements.joined(separator: ", ")) }\n"
        }
        try await nft(script)
    }

    /// ifindex → interface name, in a namespace.
    func interfaceIndexes(in namespace: String) async throws(LabError) -> [Int32: String] {
        struct Link: Decodable {
            var ifindex: Int32
            var ifname: String
        }
        let output = try await runner.run([tools.ip, "-n", namespace, "-j", "link", "show"])
        do {
            return Dictionary(try JSONDecoder().decode([Link].self, from: Data(output.utf8)).map { ($0.ifindex, $0.ifname) }) { first, _ in first }
        } catch {
            throw .commandFailed(command: "ip -n \(namespace) -j link show", status: "unreadable output", output: "\(error)")
        }
    }

    /// Adds (`add`) or removes an address on an interface of a namespace; removing an address that is not there succeeds.
    func setAddress(_ address: LabIPv4, present add: Bool, interface: String, in namespace: String) async throws(LabError) {
        let arguments = [tools.ip, "-n", namespace, "addr", add ? "replace" : "del", "\(address)/32", "dev", interface]
        let result = try await runner.attempt(arguments)
        let absent = result.standardError.contains("Address not found") || result.standardError.contains("Cannot assign")
        guard result.succeeded || (!add && absent) else {
            throw .commandFailed(command: CommandRunner.describe(arguments), status: "exit \(result.status)", output: result.standardError)
        }
    }

    // MARK: - Files and tools

    /// The directory a namespace's commands see as `/run`, with `havip/` for the lab's own files in it.
    func makeRunDirectory(of namespace: String) throws(LabError) {
        let path = names.runDirectory(ofNamespace: namespace) + "/havip"
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw .file(path: path, reason: "\(error)")
        }
    }

    /// One `ip -batch` at the host level (only `netns add`/`del`, which touch no interface of the host) or in a namespace.
    private func ip(_ commands: [String], in namespace: String? = nil) async throws(LabError) {
        guard !commands.isEmpty else { return }
        let scope = namespace.map { ["-n", $0] } ?? []
        try await runner.run([tools.ip] + scope + ["-batch", "-"], input: commands.joined(separator: "\n") + "\n")
    }

    /// One `ip -batch` per namespace, a few at a time.
    private func ip(_ commandsByNamespace: [String: [String]]) async throws(LabError) {
        let work = commandsByNamespace.sorted { $0.key < $1.key }
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, (namespace, commands)) in work.enumerated() {
                    if index >= 8 { try await group.next() }
                    group.addTask { try await ip(commands, in: namespace) }
                }
                try await group.waitForAll()
            }
        } catch let error as LabError {
            throw error
        } catch {
            throw .commandFailed(command: "ip -batch", status: "not run", output: "\(error)")
        }
    }

    private func nft(_ script: String) async throws(LabError) {
        try await runner.run([tools.ip, "netns", "exec", names.labNamespace, tools.nft, "-f", "-"], input: script)
    }
}
