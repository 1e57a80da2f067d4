/// A described world, as `POST /_havip/world` takes it: resource groups, VPCs, their vSwitches, and the
/// instances and HaVips in each, by name (``WorldOperations`` makes it).
public struct WorldDocument: Sendable, Equatable {
    public var account: AccountID
    public var region: String
    public var resourceGroups: [Group]
    public var vpcs: [VPC]

    public init(account: AccountID, region: String, resourceGroups: [Group] = [], vpcs: [VPC]) {
        self.account = account
        self.region = region
        self.resourceGroups = resourceGroups
        self.vpcs = vpcs
    }

    /// A resource group of the account beside its default one, with `id` or a new `rg-` ID.
    public struct Group: Sendable, Equatable {
        public var name: String
        public var id: String?

        public init(name: String, id: String? = nil) {
            self.name = name
            self.id = id
        }
    }

    public struct VPC: Sendable, Equatable {
        public var name: String
        public var cidr: String
        public var description: String?
        public var vswitches: [VSwitch]

        public init(name: String, cidr: String, description: String? = nil, vswitches: [VSwitch] = []) {
            self.name = name
            self.cidr = cidr
            self.description = description
            self.vswitches = vswitches
        }
    }

    public struct VSwitch: Sendable, Equatable {
        public var name: String
        public var zone: String
        public var cidr: String
        public var description: String?
        public var instances: [Instance]
        public var havips: [HaVip]

        public init(name: String, zone: String, cidr: String, description: String? = nil, instances: [Instance] = [], havips: [HaVip] = []) {
            self.name = name
            self.zone = zone
            self.cidr = cidr
            self.description = description
            self.instances = instances
            self.havips = havips
        }
    }

    /// An ECS instance, `Running` unless `status` says `Stopped`, at the lowest free address unless
    /// `privateIpAddress` names one.
    public struct Instance: Sendable, Equatable {
        public var name: String
        public var privateIpAddress: String?
        public var status: InstanceStatus
        public var imageId: String
        public var instanceType: String

        public static let defaultImageId = "aliyun_3_x64_20G_alibase_20240819.vhd"
        public static let defaultInstanceType = "ecs.g7.large"

        public init(
            name: String, privateIpAddress: String? = nil, status: InstanceStatus = .running, imageId: String = defaultImageId,
            instanceType: String = defaultInstanceType
        ) {
            self.name = name
            self.privateIpAddress = privateIpAddress
            self.status = status
            self.imageId = imageId
            self.instanceType = instanceType
        }
    }

    /// A HaVip, associated with the instances of its vSwitch named in `associate` (in that order: the first
    /// running one is the master), with an EIP bound when `eip` is true.
    public struct HaVip: Sendable, Equatable {
        public var name: String
        public var ipAddress: String?
        public var description: String?
        public var associate: [String]
        public var eip: Bool

        public init(name: String, ipAddress: String? = nil, description: String? = nil, associate: [String] = [], eip: Bool = false) {
            self.name = name
            self.ipAddress = ipAddress
            self.description = description
            self.associate = associate
            self.eip = eip
        }
    }
}

/// What a world made: by kind (`vpcs`, `securityGroups`, `vswitches`, `instances`, `havips`, `eips`), each
/// name of the document and the ID it got, in the document's order.
public struct WorldIDs: Sendable, Equatable {
    public var kinds: [(kind: String, ids: [(name: String, id: String)])] = []

    public init() {}

    mutating func add(_ kind: String, _ name: String, _ id: String) {
        if let index = kinds.firstIndex(where: { $0.kind == kind }) {
            kinds[index].ids.append((name, id))
        } else {
            kinds.append((kind, [(name, id)]))
        }
    }

    /// The ID made for `name` of `kind`.
    public func id(_ kind: String, _ name: String) -> String? {
        kinds.first { $0.kind == kind }?.ids.first { $0.name == name }?.id
    }

    public static func == (lhs: WorldIDs, rhs: WorldIDs) -> Bool {
        lhs.kinds.map(\.kind) == rhs.kinds.map(\.kind)
            && zip(lhs.kinds, rhs.kinds).allSatisfy { $0.ids.map(\.name) == $1.ids.map(\.name) && $0.ids.map(\.id) == $1.ids.map(\.id) }
    }
}
