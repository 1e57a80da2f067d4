/// DescribeRouteTables and DescribeRouteTableList: by table ID, name, type, router, VPC and resource group;
/// paged. Route tables carry no tags here, so a tag filter matches none.
public struct RouteTableQuery: Sendable {
    public var id: String?
    public var name: String?
    /// `System` or `Custom` (havip has only system tables).
    public var type: String?
    public var vRouterId: String?
    public var vpcId: String?
    public var resourceGroupId: String?
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<RouteTable>] {
        var conditions: [Condition<RouteTable>] = []
        if let id { conditions.append(.equals(RouteTable.column.id, id)) }
        if let name { conditions.append(.equals(RouteTable.column.name, name)) }
        if let type, type != RouteTable.systemType { conditions.append(.never) }
        if let vRouterId { conditions.append(.equals(RouteTable.column.vRouterId, vRouterId)) }
        if let vpcId { conditions.append(.equals(RouteTable.column.vpcId, vpcId)) }
        if let resourceGroupId { conditions.append(.equals(RouteTable.column.resourceGroupId, resourceGroupId)) }
        if !tags.isEmpty { conditions.append(.never) }
        return conditions
    }
}

/// One route of a table as the Describe actions show it: a custom ``RouteEntry``, or a system route (one per
/// vSwitch of the VPC, to `local`, and one to the cloud services' 100.64.0.0/10), which is not stored.
public struct RouteEntryView: Sendable, Equatable {
    public let id: String
    public let routeTableId: String
    public let destinationCidrBlock: String
    /// `System` or `Custom`.
    public let type: String
    /// `HaVip`, `Instance`, `NetworkInterface`; `local` or `service` for system routes.
    public let nextHopType: String
    public let nextHopId: String
    public let name: String
    public let description: String
    public let status: String
    public let createdAt: Double

    init(_ entry: RouteEntry) {
        id = entry.id
        routeTableId = entry.routeTableId
        destinationCidrBlock = entry.destinationCidrBlock
        type = "Custom"
        nextHopType = entry.nextHopType.rawValue
        nextHopId = entry.nextHopId
        name = entry.name
        description = entry.description
        status = entry.status.rawValue
        createdAt = entry.createdAt
    }

    init(systemRouteOf table: RouteTable, id: String, destination: String, nextHopType: String, createdAt: Double) {
        self.id = id
        routeTableId = table.id
        destinationCidrBlock = destination
        type = "System"
        self.nextHopType = nextHopType
        nextHopId = ""
        name = ""
        description = ""
        status = "Available"
        self.createdAt = createdAt
    }

    public var cursor: PageCursor { PageCursor(createdAt: createdAt, id: id) }
}

/// A route table with its vSwitches and routes (system routes first, then custom ones, oldest first).
public struct RouteTableView: Sendable {
    public let table: RouteTable
    public let vSwitchIds: [String]
    public let entries: [RouteEntryView]
}

/// DescribeRouteEntryList: the routes of one table, filtered; paged by token.
public struct RouteEntryQuery: Sendable {
    public var routeTableId: String
    public var ids: [String] = []
    public var name: String?
    /// `System` or `Custom`.
    public var type: String?
    public var destinationCidrBlocks: [String] = []
    public var nextHopId: String?
    public var nextHopType: String?
    /// Only IPv4 routes exist here: `IPv6` matches none.
    public var onlyIPv6 = false
    public var page: PageRequest

    public init(routeTableId: String, page: PageRequest) {
        self.routeTableId = routeTableId
        self.page = page
    }

    func matches(_ entry: RouteEntryView) -> Bool {
        (ids.isEmpty || ids.contains(entry.id)) && (name == nil || entry.name == name) && (type == nil || entry.type == type)
            && (destinationCidrBlocks.isEmpty || destinationCidrBlocks.contains(entry.destinationCidrBlock))
            && (nextHopId == nil || entry.nextHopId == nextHopId) && (nextHopType == nil || entry.nextHopType == nextHopType) && !onlyIPv6
    }
}

extension RouteOperations {
    /// One page of the account's route tables in the context's region, oldest first, each with its routes.
    public static func describeTables(_ tx: some StoreTransaction, _ context: OperationContext, _ query: RouteTableQuery) throws -> Page<RouteTableView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, query.page)
        return Page(total: page.total, items: try page.items.map { try view(tx, $0) })
    }

    /// One token page of a table's routes (system and custom), oldest first.
    public static func describeEntries(_ tx: some StoreTransaction, _ context: OperationContext, _ query: RouteEntryQuery) throws -> Page<RouteEntryView> {
        let table = try tx.find(RouteTable.self, query.routeTableId, context, notFound: .routeTableNotFound)
        let all = try view(tx, table).entries.filter(query.matches).sorted { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
        let after = query.page.cursor.map { cursor in all.filter { ($0.createdAt, $0.id) > (cursor.createdAt, cursor.id) } } ?? all
        let kept = Array(after.prefix(query.page.size))
        return Page(total: all.count, items: kept, next: after.count > kept.count ? kept.last?.cursor : nil)
    }

    static func view(_ tx: some StoreTransaction, _ table: RouteTable) throws -> RouteTableView {
        let vSwitches = try tx.select(
            Query(
                VSwitch.self, account: table.account, [.equals(VSwitch.column.vpcId, table.vpcId)],
                order: [.ascending(VSwitch.column.createdAt), .ascending(VSwitch.column.id)]))
        let custom = try tx.select(
            Query(
                RouteEntry.self, account: table.account, [.equals(RouteEntry.column.routeTableId, table.id)],
                order: [.ascending(RouteEntry.column.createdAt), .ascending(RouteEntry.column.id)]))
        return RouteTableView(
            table: table, vSwitchIds: vSwitches.map(\.id), entries: systemEntries(table, vSwitches: vSwitches) + custom.map(RouteEntryView.init))
    }

    /// The routes every system table has: the cloud services' range, then one to each vSwitch. Their IDs are
    /// made from the table's and vSwitches' (`rte-` and the rest of the ID), so they stay the same.
    static func systemEntries(_ table: RouteTable, vSwitches: [VSwitch]) -> [RouteEntryView] {
        [
            RouteEntryView(
                systemRouteOf: table, id: systemEntryId(table.id), destination: serviceRange.description, nextHopType: "service",
                createdAt: table.createdAt)
        ]
            + vSwitches.map {
                RouteEntryView(systemRouteOf: table, id: systemEntryId($0.id), destination: $0.cidrBlock, nextHopType: "local", createdAt: $0.createdAt)
            }
    }

    static func systemEntries(_ tx: some StoreTransaction, table: RouteTable) throws -> [RouteEntryView] {
        try view(tx, table).entries.filter { $0.type == "System" }
    }

    static func systemEntryId(_ ownerId: String) -> String {
        "rte-" + (ownerId.split(separator: "-", maxSplits: 1).last.map(String.init) ?? ownerId)
    }

    /// Whether an ID is a system route's: the route of a route table or vSwitch of the account in this region.
    static func isSystemEntry(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws -> Bool {
        guard id.hasPrefix("rte-") else { return false }
        let rest = String(id.dropFirst(4))
        if let table = try tx.fetch(RouteTable.self, "vtb-" + rest, account: context.account), table.regionId == context.regionId { return true }
        if let vSwitch = try tx.fetch(VSwitch.self, "vsw-" + rest, account: context.account), vSwitch.regionId == context.regionId { return true }
        return false
    }
}
