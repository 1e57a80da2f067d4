/// DescribeNetworkInterfaces: by IDs, VPC, vSwitch, instance, address, status, type, name, security group
/// and tags; paged by number or by token.
public struct NetworkInterfaceQuery: Sendable {
    public var ids: [String] = []
    public var vpcId: String?
    public var vSwitchId: String?
    public var instanceId: String?
    public var primaryIpAddress: String?
    /// A status as the wire names it; one that names no status matches nothing.
    public var status: String?
    /// A type as the wire names it; one that names no type matches nothing.
    public var type: String?
    public var name: String?
    public var resourceGroupId: String?
    /// ENIs in this group (among others).
    public var securityGroupId: String?
    /// Only ENIs with every one of these tags (with the value, when given).
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<NetworkInterface>] {
        let column = NetworkInterface.column
        var conditions: [Condition<NetworkInterface>] = []
        if !ids.isEmpty { conditions.append(.isIn(column.id, ids)) }
        if let vpcId { conditions.append(.equals(column.vpcId, vpcId)) }
        if let vSwitchId { conditions.append(.equals(column.vSwitchId, vSwitchId)) }
        if let instanceId { conditions.append(.equals(column.instanceId, instanceId)) }
        if let primaryIpAddress { conditions.append(.equals(column.primaryIpAddress, primaryIpAddress)) }
        if let status { conditions.append(.equals(column.status, named: status)) }
        if let type { conditions.append(.equals(column.type, named: type)) }
        if let name { conditions.append(.equals(column.name, name)) }
        if let resourceGroupId { conditions.append(.equals(column.resourceGroupId, resourceGroupId)) }
        return conditions
    }
}

/// An ENI with what DescribeNetworkInterfaces shows beside it.
public struct NetworkInterfaceView: Sendable {
    public let networkInterface: NetworkInterface
    /// The EIP of the instance a primary ENI belongs to, if any.
    public let eip: Eip?
    public let tags: [(key: String, value: String)]
}

extension ComputeOperations {
    /// One page of the account's ENIs in the context's region, oldest first, and the exact total.
    public static func describeNetworkInterfaces(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: NetworkInterfaceQuery
    ) throws -> Page<NetworkInterfaceView> {
        var conditions = query.conditions
        if let groupId = query.securityGroupId {
            // A list column cannot be searched by one value: the region's ENIs, filtered here.
            let all = try tx.select(
                Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.regionId, context.regionId)]))
            conditions.append(.isIn(NetworkInterface.column.id, all.filter { $0.securityGroupIds.contains(groupId) }.map(\.id)))
        }
        let page = try ResourceQueries.page(tx, context, conditions, tags: query.tags, query.page)
        return Page(total: page.total, items: try networkInterfaceViews(tx, account: context.account, page.items), next: page.next)
    }

    /// Loads the instances' EIPs and the tags of a page of ENIs with one query each.
    static func networkInterfaceViews(
        _ tx: some StoreTransaction, account: AccountID, _ interfaces: [NetworkInterface]
    ) throws -> [NetworkInterfaceView] {
        guard !interfaces.isEmpty else { return [] }
        let owners = interfaces.filter { $0.type == .primary }.compactMap(\.instanceId)
        let eips = owners.isEmpty ? [] : try tx.select(Query(Eip.self, account: account, [.isIn(Eip.column.instanceId, owners)]))
        let eipsByInstance = Dictionary(eips.map { ($0.instanceId ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let tags = try TagOperations.tags(tx, account: account, resourceType: .eni, resourceIds: interfaces.map(\.id))
        return interfaces.map { eni in
            NetworkInterfaceView(
                networkInterface: eni, eip: eni.type == .primary ? eni.instanceId.flatMap { eipsByInstance[$0] } : nil, tags: tags[eni.id] ?? [])
        }
    }
}
