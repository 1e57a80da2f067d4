/// A vSwitch: a subnet of a VPC in one zone, from which private addresses are allocated.
public struct VSwitch: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var zoneId: String
    public var cidrBlock: String
    public var name: String
    public var description: String
    public var status: VSwitchStatus
    public var resourceGroupId: String
    public var createdAt: Double

    public var cidr: IPv4CIDR? { IPv4CIDR(cidrBlock) }

    /// How many of its addresses can be handed out (the reserved ones left out).
    public var usableAddressCount: Int { cidr?.usableRange.map { Int($0.upperBound - $0.lowerBound) + 1 } ?? 0 }
}

extension VSwitch: TaggableRecord {
    public static let resourceType = ResourceType.vSwitch
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "vswitches", columns: column,
        blank: VSwitch(
            id: "", account: AccountID(""), regionId: "", vpcId: "", zoneId: "", cidrBlock: "", name: "", description: "", status: .available,
            resourceGroupId: "", createdAt: 0))

    /// The columns of `vswitches`.
    public final class Columns: RegionalColumns {
        public let id = Column(\VSwitch.id, "id")
        public let account = Column(\VSwitch.account, "account")
        public let regionId = Column(\VSwitch.regionId, "region_id")
        public let vpcId = Column(\VSwitch.vpcId, "vpc_id")
        public let zoneId = Column(\VSwitch.zoneId, "zone_id")
        public let cidrBlock = Column(\VSwitch.cidrBlock, "cidr_block")
        public let name = Column(\VSwitch.name, "name")
        public let description = Column(\VSwitch.description, "description")
        public let status = Column(\VSwitch.status, "status")
        public let resourceGroupId = Column(\VSwitch.resourceGroupId, "resource_group_id")
        public let createdAt = Column(\VSwitch.createdAt, "created_at")
    }
}
