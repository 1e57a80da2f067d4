/// A virtual private cloud.
public struct Vpc: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var cidrBlock: String
    public var name: String
    public var description: String
    public var status: VpcStatus
    public var resourceGroupId: String
    public var vRouterId: String
    public var routeTableId: String
    public var createdAt: Double
}

extension Vpc: TaggableRecord {
    public static let resourceType = ResourceType.vpc
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "vpcs", columns: column,
        blank: Vpc(
            id: "", account: AccountID(""), regionId: "", cidrBlock: "", name: "", description: "", status: .available, resourceGroupId: "",
            vRouterId: "", routeTableId: "", createdAt: 0))

    /// The columns of `vpcs`.
    public final class Columns: RegionalColumns {
        public let id = Column(\Vpc.id, "id")
        public let account = Column(\Vpc.account, "account")
        public let regionId = Column(\Vpc.regionId, "region_id")
        public let cidrBlock = Column(\Vpc.cidrBlock, "cidr_block")
        public let name = Column(\Vpc.name, "name")
        public let description = Column(\Vpc.description, "description")
        public let status = Column(\Vpc.status, "status")
        public let resourceGroupId = Column(\Vpc.resourceGroupId, "resource_group_id")
        public let vRouterId = Column(\Vpc.vRouterId, "vrouter_id")
        public let routeTableId = Column(\Vpc.routeTableId, "route_table_id")
        public let createdAt = Column(\Vpc.createdAt, "created_at")
    }
}
