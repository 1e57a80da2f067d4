/// The transition mode (``TransitionMode``) of the model's status machines, kept in the store so that every
/// node agrees, and the steps of manual mode. HaVips (``HaVipTransitions``) and route entries
/// (``RouteEntryTransitions``), both ``StatusTransitions``, have asynchronous statuses: each begins its transitions in the mode
/// ``mode(_:default:)`` answers, and ``settle(_:account:now:)``, ``step(_:now:)`` and ``setMode(_:_:now:)``
/// advance both.
public enum Transitions {
    static let settingKey = "transitions"
    /// The longest delay a mode may set: an hour.
    public static let maximumDelay = 3_600.0

    /// The mode in force: the one set through the control API, else a delay of the server's `--transition-delay`.
    public static func mode(_ tx: some StoreTransaction, default settings: ModelSettings) throws -> TransitionMode {
        try ControlSetting.value(settingKey, tx).flatMap(TransitionMode.init(stored:)) ?? .delay(seconds: settings.transitionDelay)
    }

    /// Sets the mode. What is pending at that moment: switching to manual first finishes every transition
    /// already due, then holds the others until stepped; switching to a delay gives every held transition
    /// that delay from now (so 0 finishes them at once), while one already counting down keeps its time.
    public static func setMode(_ tx: some StoreTransaction, _ mode: TransitionMode, now: Double) throws {
        if case .delay(let seconds) = mode, !(0...maximumDelay).contains(seconds) {
            throw APIError.controlInvalidBody("seconds: a delay is 0 to \(Int(maximumDelay)) seconds")
        }
        try ControlSetting.set(settingKey, mode.stored, tx)
        try settleEveryAccount(tx, now: now)
        switch mode {
        case .manual:
            try HaVipTransitions.holdPending(tx)
            try RouteEntryTransitions.holdPending(tx)
        case .delay(let seconds):
            try HaVipTransitions.releaseHeld(tx, dueAt: now + seconds)
            try RouteEntryTransitions.releaseHeld(tx, dueAt: now + seconds)
            try settleEveryAccount(tx, now: now)
        }
    }

    /// Whether any transition of the account (a HaVip's, a route entry's) is due at `now`.
    public static func anyDue(_ tx: some StoreTransaction, account: AccountID, now: Double) throws -> Bool {
        try HaVipTransitions.anyDue(tx, account: account, now: now) || RouteEntryTransitions.anyDue(tx, account: account, now: now)
    }

    /// Applies every due transition of the account: what every request does first.
    public static func settle(_ tx: some StoreTransaction, account: AccountID, now: Double) throws {
        try HaVipTransitions.settle(tx, account: account, now: now)
        try RouteEntryTransitions.settle(tx, account: account, now: now)
    }

    static func settleEveryAccount(_ tx: some StoreTransaction, now: Double) throws {
        try HaVipTransitions.settleEveryAccount(tx, now: now)
        try RouteEntryTransitions.settleEveryAccount(tx, now: now)
    }

    /// One step: every pending transition of every account, held or counting down, reaches its target status
    /// now (HaVips' and route entries' transitions are one step long). Answers how many resources advanced.
    public static func step(_ tx: some StoreTransaction, now: Double) throws -> Int {
        try HaVipTransitions.finishEveryPending(tx) + RouteEntryTransitions.finishEveryPending(tx)
    }
}
