/// An ECS security group: in one VPC, or (made without `VpcId`) a classic-network group, whose `vpcId`
/// is empty and which no instance or ENI in a vSwitch can use.
public struct SecurityGroup: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    /// Empty for a classic-network group.
    public var vpcId: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double

    /// Whether the group was made without a VPC (the classic network's kind).
    public var isClassic: Bool { vpcId.isEmpty }
}

extension SecurityGroup: TaggableRecord {
    public static let resourceType = ResourceType.securityGroup
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "security_groups", columns: column,
        blank: SecurityGroup(id: "", account: AccountID(""), regionId: "", vpcId: "", name: "", description: "", resourceGroupId: "", createdAt: 0))

    /// The columns of `security_groups`.
    public final class Columns: RegionalColumns {
        public let id = Column(\SecurityGroup.id, "id")
        public let account = Column(\SecurityGroup.account, "account")
        public let regionId = Column(\SecurityGroup.regionId, "region_id")
        public let vpcId = Column(\SecurityGroup.vpcId, "vpc_id")
        public let name = Column(\SecurityGroup.name, "name")
        public let description = Column(\SecurityGroup.description, "description")
        public let resourceGroupId = Column(\SecurityGroup.resourceGroupId, "resource_group_id")
        public let createdAt = Column(\SecurityGroup.createdAt, "created_at")
    }
}
