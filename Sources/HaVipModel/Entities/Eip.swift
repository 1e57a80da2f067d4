/// An elastic IP address, possibly bound to a HaVip or an ECS instance.
public struct Eip: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var ipAddress: String
    /// `Available`, `Associating`, `InUse`, `Unassociating`, `Releasing`.
    public var status: String
    public var instanceType: String?
    public var instanceId: String?
    public var bandwidth: String
    public var internetChargeType: String
    public var instanceChargeType: String
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, ipAddress: String, status: String, instanceType: String?, instanceId: String?,
        bandwidth: String, internetChargeType: String, instanceChargeType: String, name: String, description: String,
        resourceGroupId: String, createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.ipAddress = ipAddress
        self.status = status
        self.instanceType = instanceType
        self.instanceId = instanceId
        self.bandwidth = bandwidth
        self.internetChargeType = internetChargeType
        self.instanceChargeType = instanceChargeType
        self.name = name
        self.description = description
        self.resourceGroupId = resourceGroupId
        self.createdAt = createdAt
    }

    public static let table = "eips"
    public static let columns = [
        "id", "account", "region_id", "ip_address", "status", "instance_type", "instance_id", "bandwidth", "internet_charge_type",
        "instance_charge_type", "name", "description", "resource_group_id", "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(ipAddress), .text(status), SQLValue(instanceType), SQLValue(instanceId),
            .text(bandwidth), .text(internetChargeType), .text(instanceChargeType), .text(name), .text(description),
            .text(resourceGroupId), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), ipAddress: try row.text(3),
            status: try row.text(4), instanceType: try row.optionalText(5), instanceId: try row.optionalText(6), bandwidth: try row.text(7),
            internetChargeType: try row.text(8), instanceChargeType: try row.text(9), name: try row.text(10), description: try row.text(11),
            resourceGroupId: try row.text(12), createdAt: try row.real(13))
    }
}
