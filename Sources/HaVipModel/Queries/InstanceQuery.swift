/// DescribeInstances: by IDs, private addresses, VPC, vSwitch, zone, status and name; paged.
public struct InstanceQuery: Sendable {
    public var ids: [String] = []
    public var privateIpAddresses: [String] = []
    public var vpcId: String?
    public var vSwitchId: String?
    public var zoneId: String?
    /// A status as the wire names it; one that names no status matches nothing.
    public var status: String?
    public var name: String?
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<Instance>] {
        var conditions: [Condition<Instance>] = []
        if !ids.isEmpty { conditions.append(.isIn(Instance.column.id, ids)) }
        if !privateIpAddresses.isEmpty { conditions.append(.isIn(Instance.column.privateIpAddress, privateIpAddresses)) }
        if let vpcId { conditions.append(.equals(Instance.column.vpcId, vpcId)) }
        if let vSwitchId { conditions.append(.equals(Instance.column.vSwitchId, vSwitchId)) }
        if let zoneId { conditions.append(.equals(Instance.column.zoneId, zoneId)) }
        if let status { conditions.append(.equals(Instance.column.status, named: status)) }
        if let name { conditions.append(.equals(Instance.column.name, name)) }
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
}

extension ComputeOperations {
    /// One page of the account's instances in the context's region, oldest first, and the exact total.
    public static func describeInstances(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: InstanceQuery
    ) throws -> Page<InstanceView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, query.page)
        return Page(total: page.total, items: try instanceViews(tx, account: context.account, page.items))
    }

    /// Loads the primary ENIs and bound EIPs of a page of instances with one query each.
    static func instanceViews(_ tx: some StoreTransaction, account: AccountID, _ instances: [Instance]) throws -> [InstanceView] {
        guard !instances.isEmpty else { return [] }
        let interfaces = try tx.select(
            Query(NetworkInterface.self, account: account, [.isIn(NetworkInterface.column.id, instances.map(\.primaryNetworkInterfaceId))]))
        let interfacesById = Dictionary(interfaces.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let eips = try tx.select(Query(Eip.self, account: account, [.isIn(Eip.column.instanceId, instances.map(\.id))]))
        let eipsByInstance = Dictionary(eips.map { ($0.instanceId ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        return instances.map { instance in
            InstanceView(instance: instance, networkInterface: interfacesById[instance.primaryNetworkInterfaceId], eip: eipsByInstance[instance.id])
        }
    }
}
