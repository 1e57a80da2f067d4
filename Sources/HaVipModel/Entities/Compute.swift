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

/// The status of an ECS instance.
public enum InstanceStatus: String, Sendable, CaseIterable {
    case pending = "Pending"
    case running = "Running"
    case starting = "Starting"
    case stopping = "Stopping"
    case stopped = "Stopped"
}

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
