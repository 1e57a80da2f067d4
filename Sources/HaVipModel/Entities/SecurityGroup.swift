/// An ECS security group, bound to one VPC.
public struct SecurityGroup: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double
}

extension SecurityGroup: RegionalRecord {
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
