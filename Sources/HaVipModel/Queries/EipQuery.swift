/// DescribeEipAddresses: by IDs, address, status, what they are bound to, resource group and tags; paged.
public struct EipQuery: Sendable {
    public var ids: [String] = []
    public var ipAddress: String?
    /// A status as the wire names it; one that names no status matches nothing.
    public var status: String?
    /// What they are bound to, as the wire names it (`EcsInstance`, `HaVip`); anything else matches nothing.
    public var instanceType: String?
    public var instanceId: String?
    public var resourceGroupId: String?
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<Eip>] {
        var conditions: [Condition<Eip>] = []
        if !ids.isEmpty { conditions.append(.isIn(Eip.column.id, ids)) }
        if let ipAddress { conditions.append(.equals(Eip.column.ipAddress, ipAddress)) }
        if let status { conditions.append(.equals(Eip.column.status, named: status)) }
        if let instanceType { conditions.append(.equals(Eip.column.instanceType, named: instanceType)) }
        if let instanceId { conditions.append(.equals(Eip.column.instanceId, instanceId)) }
        if let resourceGroupId { conditions.append(.equals(Eip.column.resourceGroupId, resourceGroupId)) }
        return conditions
    }
}

/// An EIP with the tags DescribeEipAddresses shows beside it.
public struct EipView: Sendable {
    public let eip: Eip
    public let tags: [(key: String, value: String)]
}

extension EipOperations {
    /// One page of the account's EIPs in the context's region, oldest first, and the exact total.
    public static func describe(_ tx: some StoreTransaction, _ context: OperationContext, _ query: EipQuery) throws -> Page<EipView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page)
        let tags = try TagOperations.tags(tx, account: context.account, resourceType: .eip, resourceIds: page.items.map(\.id))
        return page.map { EipView(eip: $0, tags: tags[$0.id] ?? []) }
    }
}
