/// DescribeHaVips: filters (values OR'ed within a key, keys AND'ed), tags, resource group, paging.
public struct HaVipQuery: Sendable {
    public enum FilterKey: String, Sendable, CaseIterable {
        case vpcId = "VpcId"
        case vSwitchId = "VSwitchId"
        case status = "Status"
        case haVipId = "HaVipId"
        case haVipAddress = "HaVipAddress"

        /// The condition that a HaVip matches one of `values` (a text that names no status matches nothing).
        func condition(_ values: [String]) -> Condition<HaVip> {
            switch self {
            case .vpcId: .oneOf(HaVip.column.vpcId, values)
            case .vSwitchId: .oneOf(HaVip.column.vSwitchId, values)
            case .status: .oneOf(HaVip.column.status, values.compactMap(HaVipStatus.init(rawValue:)))
            case .haVipId: .oneOf(HaVip.column.id, values)
            case .haVipAddress: .oneOf(HaVip.column.ipAddress, values)
            }
        }
    }

    public var filters: [(key: FilterKey, values: [String])]
    public var tags: [(key: String, value: String?)]
    public var resourceGroupId: String?
    public var page: PageRequest

    public init(
        filters: [(key: FilterKey, values: [String])] = [], tags: [(key: String, value: String?)] = [], resourceGroupId: String? = nil,
        page: PageRequest = PageRequest()
    ) {
        self.filters = filters
        self.tags = tags
        self.resourceGroupId = resourceGroupId
        self.page = page
    }

    var conditions: [Condition<HaVip>] {
        var conditions = filters.map { $0.key.condition($0.values) }
        if let resourceGroupId { conditions.append(.equals(HaVip.column.resourceGroupId, resourceGroupId)) }
        return conditions
    }
}

/// A HaVip with what DescribeHaVips shows beside it.
public struct HaVipView: Sendable, Equatable {
    public let haVip: HaVip
    public let associatedInstanceIds: [String]
    public let eipAddresses: [String]
    public let tags: [(key: String, value: String)]

    public static func == (lhs: HaVipView, rhs: HaVipView) -> Bool {
        lhs.haVip == rhs.haVip && lhs.associatedInstanceIds == rhs.associatedInstanceIds && lhs.eipAddresses == rhs.eipAddresses
            && lhs.tags.map(\.key) == rhs.tags.map(\.key) && lhs.tags.map(\.value) == rhs.tags.map(\.value)
    }
}

extension HaVipOperations {
    /// One page of the account's HaVips in the context's region, oldest first, and the exact total.
    public static func describe(_ tx: some StoreTransaction, _ context: OperationContext, _ query: HaVipQuery) throws -> Page<HaVipView> {
        let scope = countedScope(context, query)
        let total = try scope.map { try HaVipCounter.value($0, account: context.account, tx) }
        // A page past the first mark of a counted scope starts from the marks of the region's listing version.
        var marks: ListingMarks?
        if let scope, let pageMarks = context.pageMarks, !query.page.byToken, query.page.offset >= pageMarks.stride,
            let version = try HaVipCounter.listingVersion(context.regionId, account: context.account, tx)
        {
            marks = ListingMarks(pageMarks, key: "\(context.account.rawValue)/\(scope)", version: version)
        }
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page, knownTotal: total, marks: marks)
        return Page(total: page.total, items: try views(tx, account: context.account, page.items))
    }

    /// The counter that keeps the exact total, for the scopes counters keep (the region, one VPC, one
    /// vSwitch); nil for any other filter, which is counted.
    static func countedScope(_ context: OperationContext, _ query: HaVipQuery) -> String? {
        guard query.tags.isEmpty, query.resourceGroupId == nil else { return nil }
        switch (query.filters.count, query.filters.first) {
        case (0, _): return HaVipCounter.regionKey(context.regionId)
        case (1, let filter?) where filter.key == .vpcId && filter.values.count == 1:
            return HaVipCounter.vpcKey(context.regionId, filter.values[0])
        case (1, let filter?) where filter.key == .vSwitchId && filter.values.count == 1:
            return HaVipCounter.vSwitchKey(context.regionId, filter.values[0])
        default: return nil
        }
    }

    /// Loads associations, EIPs and tags for a page of HaVips with one query each.
    static func views(_ tx: some StoreTransaction, account: AccountID, _ haVips: [HaVip]) throws -> [HaVipView] {
        guard !haVips.isEmpty else { return [] }
        let ids = haVips.map(\.id)
        var members: [String: [String]] = [:]
        for association in try tx.select(
            Query(
                HaVipAssociation.self, account: account, [.isIn(HaVipAssociation.column.haVipId, ids)],
                order: [.ascending(HaVipAssociation.column.position)]))
        {
            members[association.haVipId, default: []].append(association.instanceId)
        }
        var eips: [String: [String]] = [:]
        for eip in try tx.select(Query(Eip.self, account: account, [.equals(Eip.column.instanceType, .haVip), .isIn(Eip.column.instanceId, ids)])) {
            eips[eip.instanceId ?? "", default: []].append(eip.ipAddress)
        }
        let tags = try TagOperations.tags(tx, account: account, resourceType: .haVip, resourceIds: ids)
        return haVips.map { haVip in
            HaVipView(
                haVip: haVip, associatedInstanceIds: members[haVip.id] ?? [], eipAddresses: eips[haVip.id] ?? [],
                tags: tags[haVip.id] ?? [])
        }
    }
}
