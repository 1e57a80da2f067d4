/// A high-availability virtual IP: a private address of a vSwitch that can float between instances.
public struct HaVip: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var vSwitchId: String
    public var ipAddress: String
    public var status: HaVipStatus
    /// The status a pending transition will reach at ``dueAt``.
    public var nextStatus: HaVipStatus?
    public var dueAt: Double?
    public var name: String = ""
    public var description: String = ""
    public var resourceGroupId: String
    public var masterInstanceId: String?
    public var associatedInstanceType: AssociatedInstanceType?
    public var createdAt: Double
}

extension HaVip: TaggableRecord, TransitioningRecord {
    public static let resourceType = ResourceType.haVip
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "havips", columns: column,
        blank: HaVip(
            id: "", account: AccountID(""), regionId: "", vpcId: "", vSwitchId: "", ipAddress: "", status: .creating, resourceGroupId: "",
            createdAt: 0))

    /// The columns of `havips`.
    public final class Columns: RegionalColumns, TransitionColumns {
        public let id = Column(\HaVip.id, "id")
        public let account = Column(\HaVip.account, "account")
        public let regionId = Column(\HaVip.regionId, "region_id")
        public let vpcId = Column(\HaVip.vpcId, "vpc_id")
        public let vSwitchId = Column(\HaVip.vSwitchId, "vswitch_id")
        public let ipAddress = Column(\HaVip.ipAddress, "ip_address")
        public let status = Column(\HaVip.status, "status")
        public let nextStatus = Column(\HaVip.nextStatus, "next_status")
        public let dueAt = Column(\HaVip.dueAt, "due_at")
        public let name = Column(\HaVip.name, "name")
        public let description = Column(\HaVip.description, "description")
        public let resourceGroupId = Column(\HaVip.resourceGroupId, "resource_group_id")
        public let masterInstanceId = Column(\HaVip.masterInstanceId, "master_instance_id")
        public let associatedInstanceType = Column(\HaVip.associatedInstanceType, "associated_instance_type")
        public let createdAt = Column(\HaVip.createdAt, "created_at")
    }
}

extension HaVip {
    /// A HaVip whose deletion is due is removed with what it holds (``HaVipOperations/remove(_:_:)``).
    public static func arrive(_ tx: some StoreTransaction, _ haVip: HaVip, at target: HaVipStatus) throws {
        guard target == .deleted else { return try tx.update(haVip.settled(at: target)) }
        try HaVipOperations.remove(tx, haVip)
    }
}
