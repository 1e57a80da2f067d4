/// A vSwitch: a subnet of a VPC in one zone, from which private addresses are allocated.
public struct VSwitch: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var zoneId: String
    public var cidrBlock: String
    public var name: String
    public var description: String
    public var status: String
    public var resourceGroupId: String
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, vpcId: String, zoneId: String, cidrBlock: String, name: String,
        description: String, status: String, resourceGroupId: String, createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.vpcId = vpcId
        self.zoneId = zoneId
        self.cidrBlock = cidrBlock
        self.name = name
        self.description = description
        self.status = status
        self.resourceGroupId = resourceGroupId
        self.createdAt = createdAt
    }

    public var cidr: IPv4CIDR? { IPv4CIDR(cidrBlock) }

    public static let table = "vswitches"
    public static let columns = [
        "id", "account", "region_id", "vpc_id", "zone_id", "cidr_block", "name", "description", "status", "resource_group_id",
        "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(vpcId), .text(zoneId), .text(cidrBlock), .text(name),
            .text(description), .text(status), .text(resourceGroupId), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), vpcId: try row.text(3),
            zoneId: try row.text(4), cidrBlock: try row.text(5), name: try row.text(6), description: try row.text(7),
            status: try row.text(8), resourceGroupId: try row.text(9), createdAt: try row.real(10))
    }
}
