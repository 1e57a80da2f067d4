/// An ECS instance in a vSwitch, with its primary private address.
public struct Instance: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var zoneId: String
    public var vpcId: String
    public var vSwitchId: String
    public var privateIpAddress: String
    public var securityGroupIds: [String]
    public var status: InstanceStatus
    public var name: String
    public var imageId: String
    public var instanceType: String
    public var primaryNetworkInterfaceId: String
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, zoneId: String, vpcId: String, vSwitchId: String, privateIpAddress: String,
        securityGroupIds: [String], status: InstanceStatus, name: String, imageId: String, instanceType: String,
        primaryNetworkInterfaceId: String, createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.zoneId = zoneId
        self.vpcId = vpcId
        self.vSwitchId = vSwitchId
        self.privateIpAddress = privateIpAddress
        self.securityGroupIds = securityGroupIds
        self.status = status
        self.name = name
        self.imageId = imageId
        self.instanceType = instanceType
        self.primaryNetworkInterfaceId = primaryNetworkInterfaceId
        self.createdAt = createdAt
    }

    public static let table = "instances"
    public static let columns = [
        "id", "account", "region_id", "zone_id", "vpc_id", "vswitch_id", "private_ip_address", "security_group_ids", "status", "name",
        "image_id", "instance_type", "primary_eni_id", "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(zoneId), .text(vpcId), .text(vSwitchId), .text(privateIpAddress),
            .text(securityGroupIds.joined(separator: ",")), .text(status.rawValue), .text(name), .text(imageId), .text(instanceType),
            .text(primaryNetworkInterfaceId), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        guard let status = InstanceStatus(rawValue: try row.text(8)) else { throw StoreError.corruptRow("instance status") }
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), zoneId: try row.text(3), vpcId: try row.text(4),
            vSwitchId: try row.text(5), privateIpAddress: try row.text(6),
            securityGroupIds: try row.text(7).split(separator: ",").map(String.init), status: status, name: try row.text(9),
            imageId: try row.text(10), instanceType: try row.text(11), primaryNetworkInterfaceId: try row.text(12), createdAt: try row.real(13))
    }
}
