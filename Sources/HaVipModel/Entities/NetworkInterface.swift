/// An elastic network interface: the primary one of an instance, or a secondary one created on its own.
public struct NetworkInterface: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var zoneId: String
    public var vpcId: String
    public var vSwitchId: String
    public var primaryIpAddress: String
    public var macAddress: String
    public var type: NetworkInterfaceType
    public var status: NetworkInterfaceStatus
    public var instanceId: String?
    public var securityGroupIds: [String]
    public var name: String
    public var description: String
    public var createdAt: Double
    public var resourceGroupId: String = ""
}

extension NetworkInterface: TaggableRecord {
    public static let resourceType = ResourceType.eni
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "network_interfaces", columns: column,
        blank: NetworkInterface(
            id: "", account: AccountID(""), regionId: "", zoneId: "", vpcId: "", vSwitchId: "", primaryIpAddress: "", macAddress: "",
            type: .secondary, status: .available, instanceId: nil, securityGroupIds: [], name: "", description: "", createdAt: 0))

    /// The columns of `network_interfaces`.
    public final class Columns: RegionalColumns {
        public let id = Column(\NetworkInterface.id, "id")
        public let account = Column(\NetworkInterface.account, "account")
        public let regionId = Column(\NetworkInterface.regionId, "region_id")
        public let zoneId = Column(\NetworkInterface.zoneId, "zone_id")
        public let vpcId = Column(\NetworkInterface.vpcId, "vpc_id")
        public let vSwitchId = Column(\NetworkInterface.vSwitchId, "vswitch_id")
        public let primaryIpAddress = Column(\NetworkInterface.primaryIpAddress, "primary_ip_address")
        public let macAddress = Column(\NetworkInterface.macAddress, "mac_address")
        public let type = Column(\NetworkInterface.type, "type")
        public let status = Column(\NetworkInterface.status, "status")
        public let instanceId = Column(\NetworkInterface.instanceId, "instance_id")
        public let securityGroupIds = Column(\NetworkInterface.securityGroupIds, "security_group_ids")
        public let name = Column(\NetworkInterface.name, "name")
        public let description = Column(\NetworkInterface.description, "description")
        public let createdAt = Column(\NetworkInterface.createdAt, "created_at")
        public let resourceGroupId = Column(\NetworkInterface.resourceGroupId, "resource_group_id")
    }
}
