/// DescribeInstances: by IDs, private addresses, VPC, vSwitch, zone, status, name, security group and
/// tags; paged by number or by token.
public struct InstanceQuery: Sendable {
    public var ids: [String] = []
    public var privateIpAddresses: [String] = []
    public var vpcId: String?
    public var vSwitchId: String?
    public var zoneId: String?
    /// A status as the wire names it; one that names no status matches nothing.
    public var status: String?
    public var name: String?
    public var instanceType: String?
    public var imageId: String?
    public var resourceGroupId: String?
    public var keyPairName: String?
    /// Instances in this group (among others).
    public var securityGroupId: String?
    /// Only instances with every one of these tags (with the value, when given).
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<Instance>] {
        let column = Instance.column
        var conditions: [Condition<Instance>] = []
        if !ids.isEmpty { conditions.append(.isIn(column.id, ids)) }
        if !privateIpAddresses.isEmpty { conditions.append(.isIn(column.privateIpAddress, privateIpAddresses)) }
        if let vpcId { conditions.append(.equals(column.vpcId, vpcId)) }
        if let vSwitchId { conditions.append(.equals(column.vSwitchId, vSwitchId)) }
        if let zoneId { conditions.append(.equals(column.zoneId, zoneId)) }
        if let status { conditions.append(.equals(column.status, named: status)) }
        if let name { conditions.append(.equals(column.name, name)) }
        if let instanceType { conditions.append(.equals(column.instanceType, instanceType)) }
        if let imageId { conditions.append(.equals(column.imageId, imageId)) }
        if let resourceGroupId { conditions.append(.equals(column.resourceGroupId, resourceGroupId)) }
        if let keyPairName { conditions.append(.equals(column.keyPairName, keyPairName)) }
        return conditions
    }
}

/// An instance with what DescribeInstances shows beside it.
public struct InstanceView: Sendable {
    public let instance: Instance
    /// Its primary ENI.
    public let networkInterface: NetworkInterface?
    /// The EIP bound to it, if any.
    public let eip: Eip?
    public let tags: [(key: String, value: String)]
}

extension ComputeOperations {
    /// One page of the account's instances in the context's region, oldest first, and the exact total.
    public static func describeInstances(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: InstanceQuery
    ) throws -> Page<InstanceView> {
        var conditions = query.conditions
        if let groupId = query.securityGroupId {
            // The group's members are its ENIs' instances (a list column cannot be searched by one value).
            let column = NetworkInterface.column
            let interfaces = Query(
                NetworkInterface.self, account: context.account,
                [.equals(column.regionId, context.regionId), .equals(column.type, .primary), .isNotNull(column.instanceId)])
            let members = try tx.select(interfaces)
                .filter { $0.securityGroupIds.contains(groupId) }.compactMap(\.instanceId)
            conditions.append(.isIn(Instance.column.id, members))
        }
        let page = try ResourceQueries.page(tx, context, conditions, tags: query.tags, query.page)
        return Page(total: page.total, items: try instanceViews(tx, account: context.account, page.items), next: page.next)
    }

    /// The view of one instance of the context's region, or `instanceNotFound`.
    public static func instanceView(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws -> InstanceView {
        let instance = try tx.find(Instance.self, id, context, notFound: .instanceNotFound)
        return try instanceViews(tx, account: context.account, [instance])[0]
    }

    /// Loads the primary ENIs, bound EIPs and tags of a page of instances with one query each.
    static func instanceViews(_ tx: some StoreTransaction, account: AccountID, _ instances: [Instance]) throws -> [InstanceView] {
        guard !instances.isEmpty else { return [] }
        let interfaces = try tx.select(
            Query(NetworkInterface.self, account: account, [.isIn(NetworkInterface.column.id, instances.map(\.primaryNetworkInterfaceId))]))
        let interfacesById = Dictionary(interfaces.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let eips = try tx.select(Query(Eip.self, account: account, [.isIn(Eip.column.instanceId, instances.map(\.id))]))
        let eipsByInstance = Dictionary(eips.map { ($0.instanceId ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let tags = try TagOperations.tags(tx, account: account, resourceType: .instance, resourceIds: instances.map(\.id))
        return instances.map { instance in
            InstanceView(
                instance: instance, networkInterface: interfacesById[instance.primaryNetworkInterfaceId], eip: eipsByInstance[instance.id],
                tags: tags[instance.id] ?? [])
        }
    }

    /// The instances of the context's region with these IDs, in the order given; `notFound` when one is missing.
    public static func instances(
        _ tx: some StoreTransaction, _ context: OperationContext, ids: [String], notFound: APIError
    ) throws -> [Instance] {
        let found = try tx.select(
            Query(Instance.self, account: context.account, [.isIn(Instance.column.id, ids), .equals(Instance.column.regionId, context.regionId)]))
        let byId = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return try ids.map { id in
            guard let instance = byId[id] else { throw notFound }
            return instance
        }
    }
}
