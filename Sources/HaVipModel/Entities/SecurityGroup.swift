/// An ECS security group, bound to one VPC.
public struct SecurityGroup: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double

    public init(id: String, account: AccountID, regionId: String, vpcId: String, name: String, description: String, resourceGroupId: String, createdAt: Double) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.vpcId = vpcId
        self.name = name
        self.description = description
        self.resourceGroupId = resourceGroupId
        self.createdAt = createdAt
    }

    public static let table = "security_groups"
    public static let columns = ["id", "account", "region_id", "vpc_id", "name", "description", "resource_group_id", "created_at"]

    public var values: [SQLValue] {
        [.text(id), .text(account.rawValue), .text(regionId), .text(vpcId), .text(name), .text(description), .text(resourceGroupId), .real(createdAt)]
    }

    public init(row: StoredRow) throws {
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), vpcId: try row.text(3), name: try row.text(4),
            description: try row.text(5), resourceGroupId: try row.text(6), createdAt: try row.real(7))
    }
}
