/// A custom route of a route table: traffic to `destinationCidrBlock` goes to a next hop (a HaVip, an ECS
/// instance or an ENI of the table's VPC). Its status moves `Pending → Available` through the transitions
/// HaVips use (``StatusTransitions``).
public struct RouteEntry: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var routeTableId: String
    public var vpcId: String
    public var destinationCidrBlock: String
    public var nextHopType: RouteNextHopType
    public var nextHopId: String
    public var name: String
    public var description: String
    public var status: RouteEntryStatus
    /// The status a pending transition will reach at ``dueAt``.
    public var nextStatus: RouteEntryStatus?
    public var dueAt: Double?
    public var createdAt: Double
}

extension RouteEntry: TransitioningRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "route_entries", columns: column,
        blank: RouteEntry(
            id: "", account: AccountID(""), regionId: "", routeTableId: "", vpcId: "", destinationCidrBlock: "", nextHopType: .haVip, nextHopId: "",
            name: "", description: "", status: .pending, nextStatus: nil, dueAt: nil, createdAt: 0))

    /// The columns of `route_entries`.
    public final class Columns: RegionalColumns, TransitionColumns {
        public let id = Column(\RouteEntry.id, "id")
        public let account = Column(\RouteEntry.account, "account")
        public let regionId = Column(\RouteEntry.regionId, "region_id")
        public let routeTableId = Column(\RouteEntry.routeTableId, "route_table_id")
        public let vpcId = Column(\RouteEntry.vpcId, "vpc_id")
        public let destinationCidrBlock = Column(\RouteEntry.destinationCidrBlock, "destination_cidr_block")
        public let nextHopType = Column(\RouteEntry.nextHopType, "next_hop_type")
        public let nextHopId = Column(\RouteEntry.nextHopId, "next_hop_id")
        public let name = Column(\RouteEntry.name, "name")
        public let description = Column(\RouteEntry.description, "description")
        public let status = Column(\RouteEntry.status, "status")
        public let nextStatus = Column(\RouteEntry.nextStatus, "next_status")
        public let dueAt = Column(\RouteEntry.dueAt, "due_at")
        public let createdAt = Column(\RouteEntry.createdAt, "created_at")
    }
}
