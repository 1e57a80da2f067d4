/// Starts and finishes the HaVip's transitions (Creating, Associating, Unassociating, Deleting) in the mode
/// in force (``Transitions``). Due transitions are finished at the start of every HaVip operation (in its own
/// transaction), so a transition is applied exactly once, by whichever request or node first needs it, and
/// nothing stays stuck when a node dies mid-way; held ones (manual mode) wait for a step.
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

    /// Starts a transition: `through` now, `target` when the mode in force (``Transitions``) lets it: after the
    /// delay (at once when it is 0), or, in manual mode, when a step comes (held: a next status, no due time).
    static func begin(
        _ tx: some StoreTransaction, _ haVip: inout HaVip, through: HaVipStatus, target: HaVipStatus, context: OperationContext
    ) throws {
        switch try Transitions.mode(tx, default: context.settings) {
        case .delay(let seconds) where seconds <= 0:
            haVip.status = target
            haVip.nextStatus = nil
            haVip.dueAt = nil
        case .delay(let seconds):
            haVip.status = through
            haVip.nextStatus = target
            haVip.dueAt = context.now + seconds
        case .manual:
            haVip.status = through
            haVip.nextStatus = target
            haVip.dueAt = nil
        }
    }

    // MARK: Every account (the transition controls)

    /// Applies every due transition of every account.
    static func settleEveryAccount(_ tx: some StoreTransaction, now: Double) throws {
        for haVip in try tx.select(Query(HaVip.self, scope: .everyAccount, due(at: now), forUpdate: true)) { try finish(tx, haVip) }
    }

    /// Every pending transition with a due time loses it: it waits for a step.
    static func holdPending(_ tx: some StoreTransaction) throws {
        for var haVip in try tx.select(Query(HaVip.self, scope: .everyAccount, [.isNotNull(HaVip.column.dueAt)], forUpdate: true)) {
            haVip.dueAt = nil
            try tx.update(haVip)
        }
    }

    /// Every held transition (a next status without a due time) becomes due at `dueAt`.
    static func releaseHeld(_ tx: some StoreTransaction, dueAt: Double) throws {
        let held = Query(HaVip.self, scope: .everyAccount, [.isNotNull(HaVip.column.nextStatus), .isNull(HaVip.column.dueAt)], forUpdate: true)
        for var haVip in try tx.select(held) {
            haVip.dueAt = dueAt
            try tx.update(haVip)
        }
    }

    /// Finishes every pending transition of every account now; answers how many.
    static func finishEveryPending(_ tx: some StoreTransaction) throws -> Int {
        let pending = try tx.select(Query(HaVip.self, scope: .everyAccount, [.isNotNull(HaVip.column.nextStatus)], forUpdate: true))
        for haVip in pending { try finish(tx, haVip) }
        return pending.count
    }

    /// Finishes the HaVip's pending transition now, if it has one (a world document's HaVips end settled).
    static func finishNow(_ tx: some StoreTransaction, account: AccountID, id: String) throws {
        if let haVip = try tx.fetch(HaVip.self, id, account: account, forUpdate: true) { try finish(tx, haVip) }
    }
}
