/// What the store says is on the wire, in every account: the vSwitches, the instances and their ENIs, and the
/// HaVips with the instances (or ENIs) associated with them. The netns data plane builds its lab from it
/// (``WireOperations/topology(_:)``); it is the model's view, in the model's terms, of no network in particular.
public struct WireTopology: Sendable, Equatable {
    public var vSwitches: [VSwitch]
    public var instances: [Instance]
    /// Secondary ENIs (attached or not): an instance's primary ENI is the instance's own interface.
    public var networkInterfaces: [NetworkInterface]
    public var haVips: [HaVip]

    public init(vSwitches: [VSwitch] = [], instances: [Instance] = [], networkInterfaces: [NetworkInterface] = [], haVips: [HaVip] = []) {
        self.vSwitches = vSwitches
        self.instances = instances
        self.networkInterfaces = networkInterfaces
        self.haVips = haVips
    }

    public struct VSwitch: Sendable, Equatable {
        public var id: String
        public var cidrBlock: String
    }

    public struct Instance: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var privateIpAddress: String
        /// Its primary ENI's.
        public var macAddress: String
        public var primaryNetworkInterfaceId: String
        /// `Running`; any other status keeps the instance off the network.
        public var isRunning: Bool
    }

    public struct NetworkInterface: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var primaryIpAddress: String
        public var macAddress: String
        public var instanceId: String?
    }

    public struct HaVip: Sendable, Equatable {
        public var id: String
        public var vSwitchId: String
        public var ipAddress: String
        /// Instance or ENI IDs, in the order they were associated.
        public var associatedIds: [String]
    }
}
