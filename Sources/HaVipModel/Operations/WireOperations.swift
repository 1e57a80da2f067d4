/// What the netns data plane asks of the model: the topology to build, across every account (it is the
/// emulator's own machinery, like the controls), and the masters it observes on the wire.
public enum WireOperations {
    /// Every vSwitch, instance, secondary ENI and HaVip of every account, each list in ID order (so that the same
    /// store gives the same topology). An association counts from the moment it is in the store (AssociateHaVip)
    /// until it is not (UnassociateHaVip), whatever the HaVip's transition status; an instance without its primary
    /// ENI record (which every way of making one creates) has no interface to put on the wire and is left out.
    public static func topology(_ tx: some StoreTransaction) throws -> WireTopology {
        let vSwitches = try tx.select(Query(VSwitch.self, scope: .everyAccount, order: [.ascending(VSwitch.column.id)]))
        let interfaces = try tx.select(Query(NetworkInterface.self, scope: .everyAccount, order: [.ascending(NetworkInterface.column.id)]))
        let macs = Dictionary(interfaces.map { ($0.id, $0.macAddress) }, uniquingKeysWith: { first, _ in first })
        let instances = try tx.select(Query(Instance.self, scope: .everyAccount, order: [.ascending(Instance.column.id)]))
        let haVips = try tx.select(Query(HaVip.self, scope: .everyAccount, order: [.ascending(HaVip.column.id)])).filter { $0.status != .deleted }
        let associations = try tx.select(
            Query(HaVipAssociation.self, scope: .everyAccount, order: [.ascending(HaVipAssociation.column.position)]))
        let members = Dictionary(grouping: associations) { "\($0.account.rawValue)/\($0.haVipId)" }
        return WireTopology(
            vSwitches: vSwitches.map { WireTopology.VSwitch(id: $0.id, cidrBlock: $0.cidrBlock) },
            instances: instances.compactMap { instance in
                macs[instance.primaryNetworkInterfaceId].map {
                    WireTopology.Instance(
                        id: instance.id, vSwitchId: instance.vSwitchId, privateIpAddress: instance.privateIpAddress, macAddress: $0,
                        primaryNetworkInterfaceId: instance.primaryNetworkInterfaceId, isRunning: instance.status == .running)
                }
            },
            networkInterfaces: interfaces.filter { $0.type == .secondary }.map {
                WireTopology.NetworkInterface(
                    id: $0.id, vSwitchId: $0.vSwitchId, primaryIpAddress: $0.primaryIpAddress, macAddress: $0.macAddress, instanceId: $0.instanceId)
            },
            haVips: haVips.map { haVip in
                WireTopology.HaVip(
                    id: haVip.id, vSwitchId: haVip.vSwitchId, ipAddress: haVip.ipAddress,
                    associatedIds: (members["\(haVip.account.rawValue)/\(haVip.id)"] ?? []).map(\.instanceId))
            })
    }

    /// HaVip ID → `MasterInstanceId`, of every HaVip of every account that has a master.
    public static func masters(_ tx: some StoreTransaction) throws -> [String: String] {
        let haVips = try tx.select(Query(HaVip.self, scope: .everyAccount, [.isNotNull(HaVip.column.masterInstanceId)]))
        return Dictionary(haVips.compactMap { haVip in haVip.masterInstanceId.map { (haVip.id, $0) } }, uniquingKeysWith: { first, _ in first })
    }

    /// The wire's holders become the masters: for each HaVip ID → instance or ENI ID in `holders` whose
    /// `MasterInstanceId` is another, the master moves (``HaVipOperations/failover(_:account:haVipId:to:now:)``).
    /// A HaVip the wire names a holder the model refuses (an instance the store already has stopped, an association
    /// already gone, a HaVip deleted) keeps its master: the wire catches up with the store, not the other way.
    /// Answers the HaVips whose master moved.
    public static func follow(_ tx: some StoreTransaction, holders: [String: String], now: Double) throws -> [HaVip] {
        guard !holders.isEmpty else { return [] }
        let haVips = try tx.select(Query(HaVip.self, scope: .everyAccount, [.isIn(HaVip.column.id, Array(holders.keys).sorted())]))
        var moved: [HaVip] = []
        for haVip in haVips {
            guard let holder = holders[haVip.id], haVip.masterInstanceId != holder else { continue }
            do {
                moved.append(try HaVipOperations.failover(tx, account: haVip.account, haVipId: haVip.id, to: holder, now: now))
            } catch is APIError {
                continue
            }
        }
        return moved
    }
}
