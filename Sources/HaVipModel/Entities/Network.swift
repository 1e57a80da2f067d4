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

/// An address of a vSwitch in use by a HaVip, an instance or an ENI. The primary key
/// `vswitch/address-number` is what makes an address used at most once per vSwitch, across nodes.
public struct IPAllocation: StoredRecord, Equatable {
    public var account: AccountID
    public var vSwitchId: String
    public var address: UInt32
    public var ownerId: String

    public init(account: AccountID, vSwitchId: String, address: UInt32, ownerId: String) {
        self.account = account
        self.vSwitchId = vSwitchId
        self.address = address
        self.ownerId = ownerId
    }

    public static func key(vSwitchId: String, address: UInt32) -> String { "\(vSwitchId)/\(address)" }

    public static let table = "ip_allocations"
    public static let columns = ["key", "account", "vswitch_id", "address", "owner_id"]

    public var values: [SQLValue] {
        [.text(Self.key(vSwitchId: vSwitchId, address: address)), .text(account.rawValue), .text(vSwitchId), .integer(Int64(address)), .text(ownerId)]
    }

    public init(row: StoredRow) throws {
        self.init(account: AccountID(try row.text(1)), vSwitchId: try row.text(2), address: UInt32(try row.integer(3)), ownerId: try row.text(4))
    }
}

/// A run of free addresses `first...last` of a vSwitch. Allocation takes from the lowest run and release
/// merges runs back, so finding a free address is one indexed lookup however full the vSwitch is.
public struct IPFreeRange: StoredRecord, Equatable {
    public var account: AccountID
    public var vSwitchId: String
    public var first: UInt32
    public var last: UInt32

    public init(account: AccountID, vSwitchId: String, first: UInt32, last: UInt32) {
        self.account = account
        self.vSwitchId = vSwitchId
        self.first = first
        self.last = last
    }

    public static let table = "ip_free_ranges"
    public static let columns = ["key", "account", "vswitch_id", "first_address", "last_address"]

    public var values: [SQLValue] {
        [.text("\(vSwitchId)/\(first)"), .text(account.rawValue), .text(vSwitchId), .integer(Int64(first)), .integer(Int64(last))]
    }

    public init(row: StoredRow) throws {
        self.init(account: AccountID(try row.text(1)), vSwitchId: try row.text(2), first: UInt32(try row.integer(3)), last: UInt32(try row.integer(4)))
    }
}
