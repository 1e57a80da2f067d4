/// The bulk path for big test fleets (`havip seed`): HaVips inserted directly in their final `Available`
/// state at consecutive free addresses, with the same rows and allocator bookkeeping the API would write,
/// but without one request per HaVip.
public enum SeedOperations {
    /// Adds `count` Available HaVips to `vSwitch` at its lowest free addresses; answers how many it added
    /// (fewer when the vSwitch runs out of addresses).
    @discardableResult
    public static func fill(_ tx: some StoreTransaction, _ context: OperationContext, vSwitch: VSwitch, count: Int) throws -> Int {
        try tx.lock(VSwitch.self, vSwitch.id, account: vSwitch.account)
        let lowest = Query(
            IPFreeRange.self, account: vSwitch.account, [.equals(IPFreeRange.column.vSwitchId, vSwitch.id)],
            order: [.ascending(IPFreeRange.column.first)], forUpdate: true)
        var added = 0
        while added < count, let range = try tx.first(lowest)
        {
            let take = min(count - added, Int(range.last - range.first) + 1)
            try tx.delete(range, account: vSwitch.account)
            if take < Int(range.last - range.first) + 1 {
                try tx.insert(IPFreeRange(account: vSwitch.account, vSwitchId: vSwitch.id, first: range.first + UInt32(take), last: range.last))
            }
            for offset in 0..<take {
                let address = range.first + UInt32(offset)
                let id = context.ids.resourceId(prefix: "havip")
                try tx.insert(IPAllocation(account: vSwitch.account, vSwitchId: vSwitch.id, address: address, ownerId: id))
                try tx.insert(
                    HaVip(
                        id: id, account: context.account, regionId: context.regionId, vpcId: vSwitch.vpcId, vSwitchId: vSwitch.id,
                        ipAddress: IPv4Address(address).description, status: .available, name: "seed-\(added + offset)",
                        resourceGroupId: context.defaultResourceGroupId, createdAt: context.now + Double(added + offset) * 1e-6))
            }
            added += take
        }
        if added > 0 {
            let keys = [
                HaVipCounter.regionKey(context.regionId), HaVipCounter.vpcKey(context.regionId, vSwitch.vpcId),
                HaVipCounter.vSwitchKey(context.regionId, vSwitch.id),
            ]
            for key in keys { try HaVipCounter.add(added, key: key, account: context.account, tx) }
            try HaVipCounter.renewListingVersion(context.regionId, account: context.account, tx)
        }
        return added
    }
}
