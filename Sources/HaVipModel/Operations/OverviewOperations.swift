/// What the emulator's own console and metrics read across accounts (the controls only; every API query
/// stays in one account).
public enum OverviewOperations {
    /// How many HaVips have each status now, in every account, as stored (a transition that is due is counted
    /// in its old status until a request of the account settles it). One grouped count.
    public static func haVipsByStatus(_ tx: some StoreTransaction) throws -> [HaVipStatus: Int] {
        try tx.count(Query(HaVip.self, scope: .everyAccount), by: HaVip.column.status)
    }

    /// The accounts that own a VPC, in order.
    public static func accountsWithVpcs(_ tx: some StoreTransaction) throws -> [AccountID] {
        try tx.count(Query(Vpc.self, scope: .everyAccount), by: Vpc.column.account).keys.sorted { $0.rawValue < $1.rawValue }
    }
}

/// One account's region as the console shows it: its VPCs and their vSwitches, then the instances and one
/// page of the HaVips (of one vSwitch, or of the region), each with what its Describe shows beside it.
public struct RegionOverview: Sendable {
    public let vpcs: Page<VpcView>
    public let vSwitches: Page<VSwitchView>
    public let instances: Page<InstanceView>
    public let haVips: Page<HaVipView>
}

extension OverviewOperations {
    /// How many VPCs, vSwitches and instances a ``region(_:_:vSwitchId:haVips:)`` lists at most (the totals
    /// are exact); HaVips are paged by the caller.
    public static let listLimit = 500

    /// The context's account and region: its VPCs and vSwitches (the first ``listLimit`` of each, oldest
    /// first), and the instances and the page `haVips` of HaVips in `vSwitchId` (or in the region).
    public static func region(
        _ tx: some StoreTransaction, _ context: OperationContext, vSwitchId: String?, haVips: PageRequest
    ) throws -> RegionOverview {
        let listed = PageRequest(number: 1, size: listLimit)
        var instances = InstanceQuery(page: listed)
        instances.vSwitchId = vSwitchId
        var filters: [(key: HaVipQuery.FilterKey, values: [String])] = []
        if let vSwitchId { filters.append((key: .vSwitchId, values: [vSwitchId])) }
        let haVipQuery = HaVipQuery(filters: filters, page: haVips)
        return RegionOverview(
            vpcs: try NetworkOperations.describeVpcs(tx, context, VpcQuery(page: listed)),
            vSwitches: try NetworkOperations.describeVSwitches(tx, context, VSwitchQuery(page: listed)),
            instances: try ComputeOperations.describeInstances(tx, context, instances),
            haVips: try HaVipOperations.describe(tx, context, haVipQuery))
    }
}
