/// A resource whose status moves through timed transitions (HaVips, route entries): `status` now, and
/// `nextStatus` once `dueAt` comes, or, held in manual mode (a next status without a due time), when a step
/// comes.
public protocol TransitioningRecord: RegionalRecord where Columns: TransitionColumns, Columns.Status == Status {
    associatedtype Status: SQLConvertible & Equatable
    var status: Status { get set }
    var nextStatus: Status? { get set }
    var dueAt: Double? { get set }
    /// Finishes a transition that reached `target`: by default the status becomes `target` (a HaVip reaching
    /// `Deleted` is removed instead).
    static func arrive(_ tx: some StoreTransaction, _ record: Self, at target: Status) throws
}

/// The columns a ``TransitioningRecord`` is queried by.
public protocol TransitionColumns: RegionalColumns {
    associatedtype Status: SQLConvertible
    var nextStatus: Column<Record, Status?> { get }
    var dueAt: Column<Record, Double?> { get }
}

extension TransitioningRecord {
    public static func arrive(_ tx: some StoreTransaction, _ record: Self, at target: Status) throws {
        try tx.update(record.settled(at: target))
    }

    /// The record with `target` as its status and no transition pending.
    public func settled(at target: Status) -> Self {
        var settled = self
        settled.status = target
        settled.nextStatus = nil
        settled.dueAt = nil
        return settled
    }
}

/// Starts and finishes the transitions of one kind of ``TransitioningRecord`` in the mode in force
/// (``Transitions``). Due transitions are finished at the start of every request of the account (in its own
/// transaction), so a transition is applied exactly once, by whichever request or node first needs it, and
/// nothing stays stuck when a node dies mid-way; held ones (manual mode) wait for a step.
public enum StatusTransitions<Record: TransitioningRecord> {
    /// Whether any record of the account has a transition due at `now` (a cheap indexed probe).
    public static func anyDue(_ tx: some StoreTransaction, account: AccountID, now: Double) throws -> Bool {
        try tx.first(Query(Record.self, account: account, due(at: now))) != nil
    }

    /// Applies every due transition of the account.
    public static func settle(_ tx: some StoreTransaction, account: AccountID, now: Double) throws {
        for record in try tx.select(Query(Record.self, account: account, due(at: now), forUpdate: true)) { try finish(tx, record) }
    }

    /// The records whose transition is due at `now`.
    static func due(at now: Double) -> [Condition<Record>] {
        [.isNotNull(Record.column.dueAt), .lessOrEqual(Record.column.dueAt, now)]
    }

    /// Moves one record to its target status now.
    static func finish(_ tx: some StoreTransaction, _ record: Record) throws {
        guard let target = record.nextStatus else { return }
        try Record.arrive(tx, record, at: target)
    }

    /// Starts a transition: `through` now, `target` when the mode in force (``Transitions``) lets it: after the
    /// delay (at once when it is 0), or, in manual mode, when a step comes (held: a next status, no due time).
    static func begin(
        _ tx: some StoreTransaction, _ record: inout Record, through: Record.Status, target: Record.Status, context: OperationContext
    ) throws {
        switch try Transitions.mode(tx, default: context.settings) {
        case .delay(let seconds) where seconds <= 0:
            record.status = target
            record.nextStatus = nil
            record.dueAt = nil
        case .delay(let seconds):
            record.status = through
            record.nextStatus = target
            record.dueAt = context.now + seconds
        case .manual:
            record.status = through
            record.nextStatus = target
            record.dueAt = nil
        }
    }

    /// Finishes the record's pending transition now, if it has one (a world document's HaVips end settled).
    static func finishNow(_ tx: some StoreTransaction, account: AccountID, id: String) throws {
        if let record = try tx.fetch(Record.self, id, account: account, forUpdate: true) { try finish(tx, record) }
    }

    // MARK: Every account (the transition controls)

    /// Applies every due transition of every account.
    static func settleEveryAccount(_ tx: some StoreTransaction, now: Double) throws {
        for record in try tx.select(Query(Record.self, scope: .everyAccount, due(at: now), forUpdate: true)) { try finish(tx, record) }
    }

    /// Every pending transition with a due time loses it: it waits for a step.
    static func holdPending(_ tx: some StoreTransaction) throws {
        for var record in try tx.select(Query(Record.self, scope: .everyAccount, [.isNotNull(Record.column.dueAt)], forUpdate: true)) {
            record.dueAt = nil
            try tx.update(record)
        }
    }

    /// Every held transition (a next status without a due time) becomes due at `dueAt`.
    static func releaseHeld(_ tx: some StoreTransaction, dueAt: Double) throws {
        let held = Query(
            Record.self, scope: .everyAccount, [.isNotNull(Record.column.nextStatus), .isNull(Record.column.dueAt)], forUpdate: true)
        for var record in try tx.select(held) {
            record.dueAt = dueAt
            try tx.update(record)
        }
    }

    /// Finishes every pending transition of every account now; answers how many.
    static func finishEveryPending(_ tx: some StoreTransaction) throws -> Int {
        let pending = try tx.select(Query(Record.self, scope: .everyAccount, [.isNotNull(Record.column.nextStatus)], forUpdate: true))
        for record in pending { try finish(tx, record) }
        return pending.count
    }
}

/// HaVips: Creating, Associating, Unassociating and Deleting.
public typealias HaVipTransitions = StatusTransitions<HaVip>

/// Route entries: Pending → Available.
public typealias RouteEntryTransitions = StatusTransitions<RouteEntry>
