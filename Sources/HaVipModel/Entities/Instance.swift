/// An ECS instance in a vSwitch, with its primary private address and what it was launched with.
public struct Instance: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var zoneId: String
    public var vpcId: String
    public var vSwitchId: String
    public var privateIpAddress: String
    public var securityGroupIds: [String]
    public var status: InstanceStatus
    public var name: String
    public var imageId: String
    public var instanceType: String
    public var primaryNetworkInterfaceId: String
    public var createdAt: Double
    /// As given, or ``Instance/defaultHostName(id:)``.
    public var hostName: String = ""
    public var description: String = ""
    /// `UserData` exactly as given (the API's Base64 text), empty when none.
    public var userData: String = ""
    public var internetChargeType: InternetChargeType = .payByTraffic
    public var internetMaxBandwidthOut: Int = 0
    public var internetMaxBandwidthIn: Int = 10
    public var instanceChargeType: InstanceChargeType = .postPaid
    public var keyPairName: String = ""
    public var resourceGroupId: String = ""
    public var deletionProtection: Bool = false

    /// The real service's default host name: `iZ`, the ID without its `i-`, `Z` (`i-bp1x…` → `iZbp1x…Z`).
    public static func defaultHostName(id: String) -> String {
        "iZ" + (id.hasPrefix("i-") ? String(id.dropFirst(2)) : id) + "Z"
    }
}

extension Instance: TaggableRecord {
    public static let resourceType = ResourceType.instance
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "instances", columns: column,
        blank: Instance(
            id: "", account: AccountID(""), regionId: "", zoneId: "", vpcId: "", vSwitchId: "", privateIpAddress: "", securityGroupIds: [],
            status: .pending, name: "", imageId: "", instanceType: "", primaryNetworkInterfaceId: "", createdAt: 0))

    /// The columns of `instances`.
    public final class Columns: RegionalColumns {
        public let id = Column(\Instance.id, "id")
        public let account = Column(\Instance.account, "account")
        public let regionId = Column(\Instance.regionId, "region_id")
        public let zoneId = Column(\Instance.zoneId, "zone_id")
        public let vpcId = Column(\Instance.vpcId, "vpc_id")
        public let vSwitchId = Column(\Instance.vSwitchId, "vswitch_id")
        public let privateIpAddress = Column(\Instance.privateIpAddress, "private_ip_address")
        public let securityGroupIds = Column(\Instance.securityGroupIds, "security_group_ids")
        public let status = Column(\Instance.status, "status")
        public let name = Column(\Instance.name, "name")
        public let imageId = Column(\Instance.imageId, "image_id")
        public let instanceType = Column(\Instance.instanceType, "instance_type")
        public let primaryNetworkInterfaceId = Column(\Instance.primaryNetworkInterfaceId, "primary_eni_id")
        public let createdAt = Column(\Instance.createdAt, "created_at")
        public let hostName = Column(\Instance.hostName, "host_name")
        public let description = Column(\Instance.description, "description")
        public let userData = Column(\Instance.userData, "user_data")
        public let internetChargeType = Column(\Instance.internetChargeType, "internet_charge_type")
        public let internetMaxBandwidthOut = Column(\Instance.internetMaxBandwidthOut, "internet_max_bandwidth_out")
        public let internetMaxBandwidthIn = Column(\Instance.internetMaxBandwidthIn, "internet_max_bandwidth_in")
        public let instanceChargeType = Column(\Instance.instanceChargeType, "instance_charge_type")
        public let keyPairName = Column(\Instance.keyPairName, "key_pair_name")
        public let resourceGroupId = Column(\Instance.resourceGroupId, "resource_group_id")
        public let deletionProtection = Column(\Instance.deletionProtection, "deletion_protection")
    }
}
