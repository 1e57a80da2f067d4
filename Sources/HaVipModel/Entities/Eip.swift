/// An elastic IP address, possibly bound to a HaVip or an ECS instance.
public struct Eip: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var ipAddress: String
    public var status: EipStatus
    public var instanceType: EipInstanceType?
    public var instanceId: String?
    public var bandwidth: String
    public var internetChargeType: InternetChargeType
    public var instanceChargeType: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double
}

extension Eip: TaggableRecord {
    public static let resourceType = ResourceType.eip
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "eips", columns: column,
        blank: Eip(
            id: "", account: AccountID(""), regionId: "", ipAddress: "", status: .available, instanceType: nil, instanceId: nil, bandwidth: "",
            internetChargeType: .payByBandwidth, instanceChargeType: "", name: "", description: "", resourceGroupId: "", createdAt: 0))

    /// The columns of `eips`.
    public final class Columns: RegionalColumns {
        public let id = Column(\Eip.id, "id")
        public let account = Column(\Eip.account, "account")
        public let regionId = Column(\Eip.regionId, "region_id")
        public let ipAddress = Column(\Eip.ipAddress, "ip_address")
        public let status = Column(\Eip.status, "status")
        public let instanceType = Column(\Eip.instanceType, "instance_type")
        public let instanceId = Column(\Eip.instanceId, "instance_id")
        public let bandwidth = Column(\Eip.bandwidth, "bandwidth")
        public let internetChargeType = Column(\Eip.internetChargeType, "internet_charge_type")
        public let instanceChargeType = Column(\Eip.instanceChargeType, "instance_charge_type")
        public let name = Column(\Eip.name, "name")
        public let description = Column(\Eip.description, "description")
        public let resourceGroupId = Column(\Eip.resourceGroupId, "resource_group_id")
        public let createdAt = Column(\Eip.createdAt, "created_at")
    }
}
