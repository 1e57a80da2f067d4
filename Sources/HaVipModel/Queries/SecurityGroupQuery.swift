/// DescribeSecurityGroups: by VPC, IDs and name; paged.
public struct SecurityGroupQuery: Sendable {
    public var vpcId: String?
    public var ids: [String] = []
    public var name: String?
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<SecurityGroup>] {
        var conditions: [Condition<SecurityGroup>] = []
        if let vpcId { conditions.append(.equals(SecurityGroup.column.vpcId, vpcId)) }
        if !ids.isEmpty { conditions.append(.isIn(SecurityGroup.column.id, ids)) }
        if let name { conditions.append(.equals(SecurityGroup.column.name, name)) }
        return conditions
    }
}

extension ComputeOperations {
    /// One page of the account's security groups in the context's region, oldest first, and the exact
    /// total (DescribeSecurityGroups shows nothing beside them).
    public static func describeSecurityGroups(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: SecurityGroupQuery
    ) throws -> Page<SecurityGroup> {
        try ResourceQueries.page(tx, context, query.conditions, query.page)
    }
}
