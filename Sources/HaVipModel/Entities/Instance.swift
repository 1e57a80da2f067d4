/// An ECS instance in a vSwitch, with its primary private address.
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
}

extension Instance: RegionalRecord {
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
    }
}
