/// DescribeSecurityGroups: by VPC, IDs, name, type and tags; paged.
public struct SecurityGroupQuery: Sendable {
    public var vpcId: String?
    public var ids: [String] = []
    public var name: String?
    public var resourceGroupId: String?
    /// Only groups with every one of these tags (with the value, when given).
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<SecurityGroup>] {
        var conditions: [Condition<SecurityGroup>] = []
        if let vpcId { conditions.append(.equals(SecurityGroup.column.vpcId, vpcId)) }
        if !ids.isEmpty { conditions.append(.isIn(SecurityGroup.column.id, ids)) }
        if let name { conditions.append(.equals(SecurityGroup.column.name, name)) }
        if let resourceGroupId { conditions.append(.equals(SecurityGroup.column.resourceGroupId, resourceGroupId)) }
        return conditions
    }
}

/// A security group with what DescribeSecurityGroups shows beside it.
public struct SecurityGroupView: Sendable {
    public let group: SecurityGroup
    public let tags: [(key: String, value: String)]
    /// Its rules, both directions.
    public let ruleCount: Int
    /// Those of its rules whose peer is a group.
    public let groupToGroupRuleCount: Int
    /// The instances in it.
    public let instanceCount: Int

    /// How many more instances (private addresses) a basic group can take: 2,000 less those in it.
    public var availableInstanceAmount: Int { max(0, 2000 - instanceCount) }
}

/// A security group with its rules (DescribeSecurityGroupAttribute) and the names of the groups they name.
public struct SecurityGroupRulesView: Sendable {
    public let group: SecurityGroup
    public let rules: [SecurityGroupRule]
    /// The names of the peer groups the rules name, by ID.
    public let peerNames: [String: String]
}

extension ComputeOperations {
    /// One page of the account's security groups in the context's region, oldest first, and the exact total.
    public static func describeSecurityGroups(
        _ tx: some StoreTransaction, _ context: OperationContext, _ query: SecurityGroupQuery
    ) throws -> Page<SecurityGroupView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page)
        return Page(total: page.total, items: try securityGroupViews(tx, account: context.account, page.items), next: page.next)
    }

    /// Loads the tags, rules and members of a page of groups with one query each.
    static func securityGroupViews(_ tx: some StoreTransaction, account: AccountID, _ groups: [SecurityGroup]) throws -> [SecurityGroupView] {
        guard !groups.isEmpty else { return [] }
        let ids = groups.map(\.id)
        let tags = try TagOperations.tags(tx, account: account, resourceType: .securityGroup, resourceIds: ids)
        let rules = try tx.select(Query(SecurityGroupRule.self, account: account, [.isIn(SecurityGroupRule.column.securityGroupId, ids)]))
        let vpcIds = Array(Set(groups.map(\.vpcId).filter { !$0.isEmpty }))
        let interfaces = vpcIds.isEmpty ? [] : try tx.select(
            Query(
                NetworkInterface.self, account: account,
                [.isIn(NetworkInterface.column.vpcId, vpcIds), .equals(NetworkInterface.column.type, .primary)]))
        return groups.map { group in
            let own = rules.filter { $0.securityGroupId == group.id }
            return SecurityGroupView(
                group: group, tags: tags[group.id] ?? [], ruleCount: own.count, groupToGroupRuleCount: own.count { !$0.peerGroupId.isEmpty },
                instanceCount: interfaces.count { $0.instanceId != nil && $0.securityGroupIds.contains(group.id) })
        }
    }

    /// DescribeSecurityGroupAttribute: a group and its rules in one direction (or both), on one network
    /// type (or both).
    public static func securityGroupRules(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, direction: RuleDirection?, nicType: NicType?
    ) throws -> SecurityGroupRulesView {
        let group = try tx.find(SecurityGroup.self, id, context, notFound: .securityGroupNotFound)
        let rules = try rules(tx, context, of: id).filter { rule in
            (direction.map { rule.direction == $0 } ?? true) && (nicType.map { rule.nicType == $0 } ?? true)
        }
        let peerIds = Array(Set(rules.map(\.peerGroupId).filter { !$0.isEmpty }))
        let peers = peerIds.isEmpty ? [] : try tx.select(Query(SecurityGroup.self, account: context.account, [.isIn(SecurityGroup.column.id, peerIds)]))
        return SecurityGroupRulesView(group: group, rules: rules, peerNames: Dictionary(peers.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }))
    }
}
