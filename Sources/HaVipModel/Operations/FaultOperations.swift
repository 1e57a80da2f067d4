/// Injected faults, kept in the store so that a fault added through one node is in force on every node.
///
/// Every change (add, delete, clear, an expiry) moves the faults' generation on, in the same transaction:
/// a node keeps an in-memory copy of the faults and reloads it only when the generation it knows is behind
/// (the server's `FaultBook`), so checking a request against the faults costs no store round trip. A fault
/// with a `count` is the exception: each of its hits is taken in a transaction (``hit(_:id:)``), which is
/// what makes the count exact across nodes.
public enum FaultOperations {
    static let generationKey = "faults.generation"
    /// The longest latency a fault may add: a minute.
    public static let maximumLatencyMs = 60_000

    /// A fault as a test describes it (``add(_:_:id:now:)`` checks it).
    public struct Rule: Sendable, Equatable {
        public var action: String
        public var account: String?
        public var count: Int?
        public var probability: Double
        public var latencyMs: Int
        public var error: APIError?

        public init(action: String, account: String? = nil, count: Int? = nil, probability: Double = 1, latencyMs: Int = 0, error: APIError? = nil) {
            self.action = action
            self.account = account
            self.count = count
            self.probability = probability
            self.latencyMs = latencyMs
            self.error = error
        }
    }

    public static func add(_ tx: some StoreTransaction, _ rule: Rule, id: String, now: Double) throws -> InjectedFault {
        try check(rule)
        let fault = InjectedFault(
            id: id, account: .emulator, action: rule.action, targetAccount: rule.account, count: rule.count, hits: 0,
            probability: rule.probability, latencyMs: rule.latencyMs, errorCode: rule.error?.code, errorStatus: rule.error?.httpStatus,
            errorMessage: rule.error?.message, createdAt: now)
        try tx.insert(fault)
        try advanceGeneration(tx)
        return fault
    }

    /// Every fault in force, oldest first.
    public static func list(_ tx: some StoreTransaction) throws -> [InjectedFault] {
        try tx.select(
            Query(InjectedFault.self, account: .emulator, order: [.ascending(InjectedFault.column.createdAt), .ascending(InjectedFault.column.id)]))
    }

    public static func delete(_ tx: some StoreTransaction, id: String) throws {
        guard try tx.delete(Query(InjectedFault.self, account: .emulator, [.equals(InjectedFault.column.id, id)])) > 0 else {
            throw APIError.controlNotFound("No fault has the ID \(id).")
        }
        try advanceGeneration(tx)
    }

    /// Deletes every fault; answers how many there were.
    @discardableResult
    public static func clear(_ tx: some StoreTransaction) throws -> Int {
        let deleted = try tx.delete(Query(InjectedFault.self, account: .emulator))
        try advanceGeneration(tx)
        return deleted
    }

    /// What taking a hit found.
    public enum Hit: Sendable, Equatable {
        /// The request is hit; the fault stays.
        case hit
        /// The request is hit, and that was the fault's last hit: it is deleted (the generation moves on).
        case lastHit
        /// The fault is gone (deleted, or its count used up by other requests, on any node): not hit.
        case gone
    }

    /// Takes one hit of a fault: a counted fault's hits are counted here, exactly, whichever node takes them.
    public static func hit(_ tx: some StoreTransaction, id: String) throws -> Hit {
        guard var fault = try tx.fetch(InjectedFault.self, id, account: .emulator, forUpdate: true) else { return .gone }
        guard let count = fault.count else { return .hit }
        fault.hits += 1
        guard fault.hits < count else {
            try tx.delete(fault, account: .emulator)
            try advanceGeneration(tx)
            return .lastHit
        }
        try tx.update(fault)
        return .hit
    }

    /// The faults' generation: moves on with every change, 0 before the first.
    public static func generation(_ tx: some StoreTransaction) throws -> Int {
        Int(try ControlSetting.value(generationKey, tx) ?? "") ?? 0
    }

    private static func advanceGeneration(_ tx: some StoreTransaction) throws {
        let current = Int(try ControlSetting.value(generationKey, tx, forUpdate: true) ?? "") ?? 0
        try ControlSetting.set(generationKey, String(current + 1), tx)
    }

    private static func check(_ rule: Rule) throws {
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*")
        guard (1...128).contains(rule.action.count), rule.action.allSatisfy(allowed.contains) else {
            throw APIError.controlInvalidBody("action: an action name, * matching any run of characters (Describe*)")
        }
        if let account = rule.account, account.isEmpty || account.count > 64 {
            throw APIError.controlInvalidBody("account: 1 to 64 characters")
        }
        if let count = rule.count, count < 1 { throw APIError.controlInvalidBody("count: at least 1") }
        guard (0...1).contains(rule.probability) else { throw APIError.controlInvalidBody("probability: 0 to 1") }
        guard (0...maximumLatencyMs).contains(rule.latencyMs) else {
            throw APIError.controlInvalidBody("latencyMs: 0 to \(maximumLatencyMs)")
        }
        if let error = rule.error {
            guard (400...599).contains(error.httpStatus) else { throw APIError.controlInvalidBody("error.status: 400 to 599") }
            guard (1...128).contains(error.code.count), (1...1024).contains(error.message.count) else {
                throw APIError.controlInvalidBody("error: a code of 1 to 128 characters and a message of 1 to 1024")
            }
        }
        guard rule.error != nil || rule.latencyMs > 0 else {
            throw APIError.controlInvalidBody("a fault needs an error, a latency, or both")
        }
    }
}
