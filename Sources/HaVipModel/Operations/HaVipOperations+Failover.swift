extension HaVipOperations {
    /// The master moves to `target`, an instance or ENI associated with the HaVip and running (an ENI always
    /// counts as running), as keepalived moves the address to the instance that wins the VRRP election;
    /// `MasterInstanceId` shows it at once. The HaVip is found by ID in `account`, or in whichever account has
    /// it when `account` is nil (the control API's `failover` names only the HaVip). The data plane reports the
    /// master it observes on the wire through this same operation.
    public static func failover(_ tx: some StoreTransaction, account: AccountID?, haVipId: String, to target: String, now: Double) throws -> HaVip {
        var haVip = try checkFailover(tx, account: account, haVipId: haVipId, to: target, now: now)
        if haVip.masterInstanceId != target {
            haVip.masterInstanceId = target
            try tx.update(haVip)
        }
        return haVip
    }

    /// Checks that the master may move to `target` (``failover(_:account:haVipId:to:now:)``'s rules) and answers the
    /// HaVip as it is, locked, without moving anything: the data plane asks before it moves the address on the wire.
    public static func checkFailover(_ tx: some StoreTransaction, account: AccountID?, haVipId: String, to target: String, now: Double) throws -> HaVip {
        let owner = try self.owner(tx, account: account, haVipId: haVipId)
        try HaVipTransitions.settle(tx, account: owner, now: now)
        guard let haVip = try tx.fetch(HaVip.self, haVipId, account: owner, forUpdate: true), haVip.status != .deleted else {
            throw APIError.haVipNotFound
        }
        guard let member = try associations(tx, of: haVip).first(where: { $0.instanceId == target }) else { throw APIError.haVipNotAssociated }
        if member.instanceType == .ecsInstance {
            guard try tx.fetch(Instance.self, target, account: owner, forUpdate: true)?.status == .running else {
                throw APIError.failoverTargetNotRunning
            }
        }
        return haVip
    }

    /// The account that has the HaVip: `account` when given, else the one account whose HaVip has this ID.
    private static func owner(_ tx: some StoreTransaction, account: AccountID?, haVipId: String) throws -> AccountID {
        if let account { return account }
        let found = try tx.select(Query(HaVip.self, scope: .everyAccount, [.equals(HaVip.column.id, haVipId)], limit: 2))
        guard let first = found.first else { throw APIError.haVipNotFound }
        guard found.count == 1 else { throw APIError.haVipIdAmbiguous }
        return first.account
    }
}
