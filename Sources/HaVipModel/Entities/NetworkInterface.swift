/// An elastic network interface: the primary one of an instance, or a secondary one created on its own.
public struct NetworkInterface: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var zoneId: String
    public var vpcId: String
    public var vSwitchId: String
    public var primaryIpAddress: String
    public var macAddress: String
    /// `Primary` or `Secondary`.
    public var type: String
    /// `Available` or `InUse`.
    public var status: String
    public var instanceId: String?
    public var securityGroupIds: [String]
    public var name: String
    public var description: String
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, zoneId: String, vpcId: String, vSwitchId: String, primaryIpAddress: String,
        macAddress: String, type: String, status: String, instanceId: String?, securityGroupIds: [String], name: String,
        description: String, createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.zoneId = zoneId
        self.vpcId = vpcId
        self.vSwitchId = vSwitchId
        self.primaryIpAddress = primaryIpAddress
        self.macAddress = macAddress
        self.type = type
        self.status = status
        self.instanceId = instanceId
        self.securityGroupIds = securityGroupIds
        self.name = name
        self.description = description
        self.createdAt = createdAt
    }

    public static let table = "network_interfaces"
    public static let columns = [
        "id", "account", "region_id", "zone_id", "vpc_id", "vswitch_id", "primary_ip_address", "mac_address", "type", "status",
        "instance_id", "security_group_ids", "name", "description", "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(zoneId), .text(vpcId), .text(vSwitchId), .text(primaryIpAddress),
            .text(macAddress), .text(type), .text(status), SQLValue(instanceId), .text(securityGroupIds.joined(separator: ",")),
            .text(name), .text(description), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), zoneId: try row.text(3), vpcId: try row.text(4),
            vSwitchId: try row.text(5), primaryIpAddress: try row.text(6), macAddress: try row.text(7), type: try row.text(8),
            status: try row.text(9), instanceId: try row.optionalText(10),
            securityGroupIds: try row.text(11).split(separator: ",").map(String.init), name: try row.text(12),
            description: try row.text(13), createdAt: try row.real(14))
    }
}
