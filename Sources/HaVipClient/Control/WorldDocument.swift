/// A described world for `POST /_havip/world`: VPCs, their vSwitches, the instances and HaVips in each, by
/// name. Only its JSON matters to the server, so a document read from a file may be sent as a ``JSONValue``
/// instead.
///
/// ```json
/// {"account": "A", "region": "cn-hangzhou",
///  "vpcs": [{"name": "prod", "cidr": "10.0.0.0/16",
///    "vswitches": [{"name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24",
///      "instances": [{"name": "web1"}, {"name": "web2"}],
///      "havips": [{"name": "vip", "associate": ["web1", "web2"], "eip": true}]}]}]}
/// ```
public struct WorldDocument: Sendable, Equatable, Encodable {
    /// The account that owns the world; nil for the server's default.
    public var account: String?
    public var region: String?
    public var vpcs: [VPC]

    public init(account: String? = nil, region: String? = nil, vpcs: [VPC]) {
        self.account = account
        self.region = region
        self.vpcs = vpcs
    }

    public struct VPC: Sendable, Equatable, Encodable {
        public var name: String
        public var cidr: String
        public var vswitches: [VSwitch]

        public init(name: String, cidr: String, vswitches: [VSwitch] = []) {
            self.name = name
            self.cidr = cidr
            self.vswitches = vswitches
        }
    }

    public struct VSwitch: Sendable, Equatable, Encodable {
        public var name: String
        public var zone: String
        public var cidr: String
        public var instances: [Instance]
        public var havips: [HaVip]

        public init(name: String, zone: String, cidr: String, instances: [Instance] = [], havips: [HaVip] = []) {
            self.name = name
            self.zone = zone
            self.cidr = cidr
            self.instances = instances
            self.havips = havips
        }
    }

    public struct Instance: Sendable, Equatable, Encodable {
        public var name: String

        public init(name: String) {
            self.name = name
        }
    }

    public struct HaVip: Sendable, Equatable, Encodable {
        public var name: String
        /// The names of the instances to associate it with.
        public var associate: [String]
        /// Whether to allocate an EIP and associate it with the HaVip.
        public var eip: Bool

        public init(name: String, associate: [String] = [], eip: Bool = false) {
            self.name = name
            self.associate = associate
            self.eip = eip
        }
    }
}
