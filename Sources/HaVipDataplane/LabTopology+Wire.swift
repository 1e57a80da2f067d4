import HaVipLab
import HaVipModel

extension LabTopology {
    /// The lab for what the store says is on the wire: the same IDs, addresses and MACs, in the lab's terms.
    public init(_ wire: WireTopology) {
        self.init(
            vSwitches: wire.vSwitches.map { VSwitch(id: $0.id, cidrBlock: $0.cidrBlock) },
            instances: wire.instances.map {
                Instance(
                    id: $0.id, vSwitchId: $0.vSwitchId, privateIpAddress: $0.privateIpAddress, macAddress: $0.macAddress,
                    primaryNetworkInterfaceId: $0.primaryNetworkInterfaceId, isRunning: $0.isRunning)
            },
            networkInterfaces: wire.networkInterfaces.map {
                NetworkInterface(id: $0.id, vSwitchId: $0.vSwitchId, primaryIpAddress: $0.primaryIpAddress, macAddress: $0.macAddress, instanceId: $0.instanceId)
            },
            haVips: wire.haVips.map { HaVip(id: $0.id, vSwitchId: $0.vSwitchId, ipAddress: $0.ipAddress, associatedIds: $0.associatedIds) })
    }
}
