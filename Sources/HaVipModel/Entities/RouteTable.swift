/// A VPC's system route table: made with the VPC (migration 007 made one for each VPC that existed before),
/// removed with it. Its custom routes are ``RouteEntry`` rows; its system routes (one per vSwitch) are not
/// stored.
public struct RouteTable: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var vRouterId: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double

    /// The only kind havip makes (custom route tables are not served).
    public static let systemType = "System"
}

extension RouteTable: RegionalRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "route_tables", columns: column,
        blank: RouteTable(
            id: "", account: AccountID(""), regionId: "", vpcId: "", vRouterId: "", name: "", description: "", resourceGroupId: "", createdAt: 0))

    /// The columns of `route_tables`.
    public final class Columns: RegionalColumns {
        public let id = Column(\RouteTable.id, "id")
        public let account = Column(\RouteTable.account, "account")
        public let regionId = Column(\RouteTable.regionId, "region_id")
        public let vpcId = Column(\RouteTable.vpcId, "vpc_id")
        public let vRouterId = Column(\RouteTable.vRouterId, "vrouter_id")
        public let name = Column(\RouteTable.name, "name")
        public let description = Column(\RouteTable.description, "description")
        public let resourceGroupId = Column(\RouteTable.resourceGroupId, "resource_group_id")
        public let createdAt = Column(\RouteTable.createdAt, "created_at")
    }
}
