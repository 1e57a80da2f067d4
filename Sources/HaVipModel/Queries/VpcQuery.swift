/// DescribeVpcs: by IDs, name, resource group and tags; paged.
public struct VpcQuery: Sendable {
    public var ids: [String] = []
    public var name: String?
    public var resourceGroupId: String?
    /// Only default VPCs: havip creates none, so nothing matches.
    public var onlyDefault = false
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<Vpc>] {
        var conditions: [Condition<Vpc>] = []
        if !ids.isEmpty { conditions.append(.isIn(Vpc.column.id, ids)) }
        if let name { conditions.append(.equals(Vpc.column.name, name)) }
        if let resourceGroupId { conditions.append(.equals(Vpc.column.resourceGroupId, resourceGroupId)) }
        if onlyDefault { conditions.append(.never) }
        return conditions
    }
}

/// A VPC with what DescribeVpcs shows beside it.
public struct VpcView: Sendable {
    public let vpc: Vpc
    /// Its vSwitches, oldest first.
    public let vSwitchIds: [String]
    public let tags: [(key: String, value: String)]
}

extension NetworkOperations {
    /// One page of the account's VPCs in the context's region, oldest first, and the exact total.
    public static func describeVpcs(_ tx: some StoreTransaction, _ context: OperationContext, _ query: VpcQuery) throws -> Page<VpcView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page)
        return Page(total: page.total, items: try vpcViews(tx, account: context.account, page.items))
    }

    /// DescribeVpcAttribute: one VPC of the account in the context's region, or `InvalidVpcId.NotFound`.
    public static func describeVpc(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws -> VpcView {
        let vpc = try tx.find(Vpc.self, id, context, notFound: .vpcNotFound)
        return try vpcViews(tx, account: context.account, [vpc])[0]
    }

    /// Loads the vSwitches and tags of a page of VPCs with one query each.
    static func vpcViews(_ tx: some StoreTransaction, account: AccountID, _ vpcs: [Vpc]) throws -> [VpcView] {
        guard !vpcs.isEmpty else { return [] }
        let ids = vpcs.map(\.id)
        var vSwitchIds: [String: [String]] = [:]
        let vSwitches = Query(
            VSwitch.self, account: account, [.isIn(VSwitch.column.vpcId, ids)],
            order: [.ascending(VSwitch.column.createdAt), .ascending(VSwitch.column.id)])
        for vSwitch in try tx.select(vSwitches) { vSwitchIds[vSwitch.vpcId, default: []].append(vSwitch.id) }
        let tags = try TagOperations.tags(tx, account: account, resourceType: .vpc, resourceIds: ids)
        return vpcs.map { VpcView(vpc: $0, vSwitchIds: vSwitchIds[$0.id] ?? [], tags: tags[$0.id] ?? []) }
    }
}
