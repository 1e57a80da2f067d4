/// A virtual private cloud.
public struct Vpc: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var cidrBlock: String
    public var name: String
    public var description: String
    public var status: String
    public var resourceGroupId: String
    public var vRouterId: String
    public var routeTableId: String
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, cidrBlock: String, name: String, description: String, status: String,
        resourceGroupId: String, vRouterId: String, routeTableId: String, createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.cidrBlock = cidrBlock
        self.name = name
        self.description = description
        self.status = status
        self.resourceGroupId = resourceGroupId
        self.vRouterId = vRouterId
        self.routeTableId = routeTableId
        self.createdAt = createdAt
    }

    public static let table = "vpcs"
    public static let columns = [
        "id", "account", "region_id", "cidr_block", "name", "description", "status", "resource_group_id", "vrouter_id",
        "route_table_id", "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(cidrBlock), .text(name), .text(description), .text(status),
            .text(resourceGroupId), .text(vRouterId), .text(routeTableId), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), cidrBlock: try row.text(3),
            name: try row.text(4), description: try row.text(5), status: try row.text(6), resourceGroupId: try row.text(7),
            vRouterId: try row.text(8), routeTableId: try row.text(9), createdAt: try row.real(10))
    }
}
