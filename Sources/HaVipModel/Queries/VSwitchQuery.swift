/// DescribeVSwitches: by VPC, IDs, zone, name, resource group and tags; paged.
public struct VSwitchQuery: Sendable {
    public var vpcId: String?
    public var ids: [String] = []
    public var zoneId: String?
    public var name: String?
    public var resourceGroupId: String?
    /// Only default vSwitches: havip creates none, so nothing matches.
    public var onlyDefault = false
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<VSwitch>] {
        var conditions: [Condition<VSwitch>] = []
        if let vpcId { conditions.append(.equals(VSwitch.column.vpcId, vpcId)) }
        if !ids.isEmpty { conditions.append(.isIn(VSwitch.column.id, ids)) }
        if let zoneId { conditions.append(.equals(VSwitch.column.zoneId, zoneId)) }
        if let name { conditions.append(.equals(VSwitch.column.name, name)) }
        if let resourceGroupId { conditions.append(.equals(VSwitch.column.resourceGroupId, resourceGroupId)) }
        if onlyDefault { conditions.append(.never) }
        return conditions
    }
}

/// A vSwitch with what DescribeVSwitches shows beside it.
public struct VSwitchView: Sendable {
    public let vSwitch: VSwitch
    /// Its usable addresses not in use.
    public let availableAddressCount: Int
    /// Its VPC's route table ("" if the VPC is gone).
    public let routeTableId: String
    public let tags: [(key: String, value: String)]
}

extension NetworkOperations {
    /// One page of the account's vSwitches in the context's region, oldest first, and the exact total.
    public static func describeVSwitches(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: VSwitchQuery
    ) throws -> Page<VSwitchView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page)
        return Page(total: page.total, items: try vSwitchViews(tx, account: context.account, page.items))
    }

    /// DescribeVSwitchAttributes: one vSwitch of the account in the context's region, or `InvalidVSwitchId.NotFound`.
    public static func describeVSwitch(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws -> VSwitchView {
        let vSwitch = try tx.find(VSwitch.self, id, context, notFound: .vSwitchNotFound)
        return try vSwitchViews(tx, account: context.account, [vSwitch])[0]
    }

    /// Loads the VPCs, used address counts and tags of a page of vSwitches with one query each.
    static func vSwitchViews(_ tx: some StoreTransaction, account: AccountID, _ vSwitches: [VSwitch]) throws -> [VSwitchView] {
        guard !vSwitches.isEmpty else { return [] }
        let ids = vSwitches.map(\.id)
        let vpcIds = Array(Set(vSwitches.map(\.vpcId)))
        var routeTables: [String: String] = [:]
        for vpc in try tx.select(Query(Vpc.self, account: account, [.isIn(Vpc.column.id, vpcIds)])) { routeTables[vpc.id] = vpc.routeTableId }
        let used = try tx.count(
            Query(IPAllocation.self, account: account, [.isIn(IPAllocation.column.vSwitchId, ids)]), by: IPAllocation.column.vSwitchId)
        let tags = try TagOperations.tags(tx, account: account, resourceType: .vSwitch, resourceIds: ids)
        return vSwitches.map { vSwitch in
            VSwitchView(
                vSwitch: vSwitch, availableAddressCount: vSwitch.usableAddressCount - (used[vSwitch.id] ?? 0),
                routeTableId: routeTables[vSwitch.vpcId] ?? "", tags: tags[vSwitch.id] ?? [])
        }
    }
}
