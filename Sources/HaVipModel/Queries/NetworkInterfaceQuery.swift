/// DescribeNetworkInterfaces: by IDs, VPC, vSwitch, instance, address, status, type and name; paged.
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
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<NetworkInterface>] {
        var conditions: [Condition<NetworkInterface>] = []
        if !ids.isEmpty { conditions.append(.isIn(NetworkInterface.column.id, ids)) }
        if let vpcId { conditions.append(.equals(NetworkInterface.column.vpcId, vpcId)) }
        if let vSwitchId { conditions.append(.equals(NetworkInterface.column.vSwitchId, vSwitchId)) }
        if let instanceId { conditions.append(.equals(NetworkInterface.column.instanceId, instanceId)) }
        if let primaryIpAddress { conditions.append(.equals(NetworkInterface.column.primaryIpAddress, primaryIpAddress)) }
        if let status { conditions.append(.equals(NetworkInterface.column.status, named: status)) }
        if let type { conditions.append(.equals(NetworkInterface.column.type, named: type)) }
        if let name { conditions.append(.equals(NetworkInterface.column.name, name)) }
        return conditions
    }
}

extension ComputeOperations {
    /// One page of the account's ENIs in the context's region, oldest first, and the exact total
    /// (DescribeNetworkInterfaces shows nothing beside them).
    public static func describeNetworkInterfaces(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: NetworkInterfaceQuery
    ) throws -> Page<NetworkInterface> {
        try ResourceQueries.page(tx, context, query.conditions, query.page)
    }
}
