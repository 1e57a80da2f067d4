/// Finishes the HaVip transitions whose time has come. Called at the start of every HaVip operation
/// (in its own transaction), so a transition is applied exactly once, by whichever request or node
/// first needs it, and nothing stays stuck when a node dies mid-way.
public enum HaVipTransitions {
    /// Whether any HaVip of the account has a transition due at `now` (a cheap indexed probe).
    public static func anyDue(_ tx: some StoreTransaction, account: AccountID, now: Double) throws -> Bool {
        try tx.first(Query(HaVip.self, account: account, due(at: now))) != nil
    }

    /// Applies every due transition of the account.
    public static func settle(_ tx: some StoreTransaction, account: AccountID, now: Double) throws {
        let due = try tx.select(
            Query(HaVip.self, account: account, due(at: now), forUpdate: true))
        for haVip in due { try finish(tx, haVip) }
    }

    /// The HaVips whose transition is due at `now`.
    static func due(at now: Double) -> [Condition<HaVip>] {
        [.isNotNull(HaVip.column.dueAt), .lessOrEqual(HaVip.column.dueAt, now)]
    }

    /// Moves one HaVip to its target status now.
    static func finish(_ tx: some StoreTransaction, _ haVip: HaVip) throws {
        guard let target = haVip.nextStatus else { return }
        if target == .deleted {
            try HaVipOperations.remove(tx, haVip)
            return
        }
        var updated = haVip
        updated.status = target
        updated.nextStatus = nil
        updated.dueAt = nil
        try tx.update(updated)
    }

    /// Starts a transition: `through` now, `target` after the configured delay (at once when it is 0).
    static func begin(_ haVip: inout HaVip, through: HaVipStatus, target: HaVipStatus, context: OperationContext) {
        if context.settings.transitionDelay <= 0 {
            haVip.status = target
            haVip.nextStatus = nil
            haVip.dueAt = nil
        } else {
            haVip.status = through
            haVip.nextStatus = target
            haVip.dueAt = context.now + context.settings.transitionDelay
        }
    }
}
