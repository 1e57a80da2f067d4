/// Who holds each HaVip address on the wire: the associated, running member that last claimed it in an ARP packet
/// (a gratuitous ARP on taking over, or an answer to a request), as the VPC would route it.
///
/// Claims from any other port are ignored (the bridge drops them too). A holder stays the holder until another member
/// claims the address, or it stops being one: stopped, deleted, unassociated, or its interface rebuilt.
struct HolderTracker: Sendable {
    /// HaVip ID → the association (instance or ENI ID, as associated) that holds it.
    private(set) var holders: [String: String] = [:]
    /// (port, address) → the HaVip a claim from that port for that address would take, and for whom.
    private var claimants: [GuardSets.Claim: (haVipId: String, associationId: String)] = [:]
    /// HaVip ID → the port its holder claimed from.
    private var holderPorts: [String: String] = [:]

    /// Follows a new layout; returns whether a holder was dropped.
    mutating func update(_ layout: LabLayout) -> Bool {
        claimants = [:]
        for guarded in layout.haVips.values {
            for member in guarded.members {
                guard let endpoint = layout.endpoints[member.endpointId], layout.namespaces[endpoint.instanceId]?.isRunning == true else { continue }
                claimants[GuardSets.Claim(address: guarded.address, port: endpoint.portName)] = (guarded.haVipId, member.associationId)
            }
        }
        var changed = false
        for (haVipId, holder) in holders {
            guard let port = holderPorts[haVipId], let address = layout.haVips[haVipId]?.address,
                let claimant = claimants[GuardSets.Claim(address: address, port: port)], claimant.haVipId == haVipId,
                claimant.associationId == holder
            else {
                holders[haVipId] = nil
                holderPorts[haVipId] = nil
                changed = true
                continue
            }
        }
        return changed
    }

    /// An ARP packet from `port` with `address` as its sender; returns whether the holder changed.
    mutating func observe(port: String, address: LabIPv4) -> Bool {
        guard let claimant = claimants[GuardSets.Claim(address: address, port: port)] else { return false }
        holderPorts[claimant.haVipId] = port
        guard holders[claimant.haVipId] != claimant.associationId else { return false }
        holders[claimant.haVipId] = claimant.associationId
        return true
    }
}
