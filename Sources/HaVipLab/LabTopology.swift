/// What the lab should look like: the store's vSwitches, instances, ENIs and HaVips in the lab's own terms.
///
/// ``Lab/reconcile(to:)`` makes the kernel match it. IDs are the store's (`vsw-…`, `i-…`, `eni-…`, `havip-…`); they
/// name namespaces and files, so they may hold only letters, digits, `-`, `_` and `.`.
public struct LabTopology: Sendable, Equatable {
    public var vSwitches: [VSwitch]
    public var instances: [Instance]
    /// Secondary ENIs only: an instance's primary interface is the instance itself (``Instance/primaryNetworkInterfaceId``).
    public var networkInterfaces: [NetworkInterface]
    public var haVips: [HaVip]

    public init(vSwitches: [VSwitch] = [], instances: [Instance] = [], networkInterfaces: [NetworkInterface] = [], haVips: [HaVip] = []) {
        self.vSwitches = vSwitches
        self.instances = instances
        self.networkInterfaces = networkInterfaces
        self.haVips = haVips
    }

    /// A vSwitch: a Linux bridge in the lab namespace.
    public struct VSwitch: Sendable, Equatable {
        public var id: String
        /// `192.168.1.0/24`.
        public var cidrBlock: String

        public init(id: String, cidrBlock: String) {
            self.id = id
            self.cidrBlock = cidrBlock
        }
    }

    /// An ECS instance: a network namespace whose `eth0` is on its vSwitch's bridge.
    public struct Instance: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var privateIpAddress: String
        /// `00:16:3e:…`, its primary ENI's.
        public var macAddress: String
        /// Its primary ENI, when a HaVip may name it instead of the instance.
        public var primaryNetworkInterfaceId: String?
        /// Running: link up and keepalived started; otherwise link down and its processes stopped.
        public var isRunning: Bool

        public init(
            id: String, vSwitchId: String, privateIpAddress: String, macAddress: String, primaryNetworkInterfaceId: String? = nil,
            isRunning: Bool
        ) {
            self.id = id
            self.vSwitchId = vSwitchId
            self.privateIpAddress = privateIpAddress
            self.macAddress = macAddress
            self.primaryNetworkInterfaceId = primaryNetworkInterfaceId
            self.isRunning = isRunning
        }
    }

    /// A secondary ENI: a further interface (`eth1`, `eth2`, …) in the namespace of the instance it is attached to.
    public struct NetworkInterface: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var primaryIpAddress: String
        public var macAddress: String
        /// Detached ENIs are not on the wire.
        public var instanceId: String?

        public init(id: String, vSwitchId: String, primaryIpAddress: String, macAddress: String, instanceId: String?) {
            self.id = id
            self.vSwitchId = vSwitchId
            self.primaryIpAddress = primaryIpAddress
            self.macAddress = macAddress
            self.instanceId = instanceId
        }
    }

    /// A HaVip: an address of its vSwitch that only its associated instances (or ENIs) may claim on the wire.
    public struct HaVip: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var ipAddress: String
        /// Instance or ENI IDs in association order: the first gets the highest keepalived priority.
        public var associatedIds: [String]

        public init(id: String, vSwitchId: String, ipAddress: String, associatedIds: [String]) {
            self.id = id
            self.vSwitchId = vSwitchId
            self.ipAddress = ipAddress
            self.associatedIds = associatedIds
        }
    }
}
