/// Starts and finishes route entries' transitions (`Pending → Available`) in the mode in force
/// (``Transitions``), exactly as ``HaVipTransitions`` does for HaVips: due ones are finished at the start of
/// every request of the account, held ones (manual mode) wait for a step.
public enum RouteEntryTransitions {
    /// Whether any route entry of the account has a transition due at `now` (a cheap indexed probe).
    static func anyDue(_ tx: some StoreTransaction, account: AccountID, now: Double) throws -> Bool {
        try tx.first(Query(RouteEntry.self, account: account, due(at: now))) != nil
    }

    /// Applies every due transition of the account.
    static func settle(_ tx: some StoreTransaction, account: AccountID, now: Double) throws {
        for entry in try tx.select(Query(RouteEntry.self, account: account, due(at: now), forUpdate: true)) { try finish(tx, entry) }
    }

    static func due(at now: Double) -> [Condition<RouteEntry>] {
        [.isNotNull(RouteEntry.column.dueAt), .lessOrEqual(RouteEntry.column.dueAt, now)]
    }

    /// Moves one route entry to its target status now.
    static func finish(_ tx: some StoreTransaction, _ entry: RouteEntry) throws {
        guard let target = entry.nextStatus else { return }
        var updated = entry
        updated.status = target
        updated.nextStatus = nil
        updated.dueAt = nil
        try tx.update(updated)
    }

    /// Starts a transition: `through` now, `target` when the mode in force lets it (see ``HaVipTransitions/begin``).
    static func begin(
        _ tx: some StoreTransaction, _ entry: inout RouteEntry, through: RouteEntryStatus, target: RouteEntryStatus, context: OperationContext
    ) throws {
        switch try Transitions.mode(tx, default: context.settings) {
        case .delay(let seconds) where seconds <= 0:
            entry.status = target
            entry.nextStatus = nil
            entry.dueAt = nil
        case .delay(let seconds):
            entry.status = through
            entry.nextStatus = target
            entry.dueAt = context.now + seconds
        case .manual:
            entry.status = through
            entry.nextStatus = target
            entry.dueAt = nil
        }
    }

    // MARK: Every account (the transition controls)

    static func settleEveryAccount(_ tx: some StoreTransaction, now: Double) throws {
        for entry in try tx.select(Query(RouteEntry.self, scope: .everyAccount, due(at: now), forUpdate: true)) { try finish(tx, entry) }
    }

    static func holdPending(_ tx: some StoreTransaction) throws {
        for var entry in try tx.select(Query(RouteEntry.self, scope: .everyAccount, [.isNotNull(RouteEntry.column.dueAt)], forUpdate: true)) {
            entry.dueAt = nil
            try tx.update(entry)
        }
    }

    static func releaseHeld(_ tx: some StoreTransaction, dueAt: Double) throws {
        let held = Query(
            RouteEntry.self, scope: .everyAccount, [.isNotNull(RouteEntry.column.nextStatus), .isNull(RouteEntry.column.dueAt)], forUpdate: true)
        for var entry in try tx.select(held) {
            entry.dueAt = dueAt
            try tx.update(entry)
        }
    }

    static func finishEveryPending(_ tx: some StoreTransaction) throws -> Int {
        let pending = try tx.select(Query(RouteEntry.self, scope: .everyAccount, [.isNotNull(RouteEntry.column.nextStatus)], forUpdate: true))
        for entry in pending { try finish(tx, entry) }
        return pending.count
    }
}
