import HaVipModel
import Hummingbird

/// `POST|GET|DELETE /_havip/faults`, `DELETE /_havip/faults/{id}`: injected faults (``FaultOperations``).
///
/// After each change the endpoint refreshes this node's ``FaultBook`` before it answers, and announces the
/// change to the other nodes (``ChangeSignal``): the fault is in force here when the call returns, and on
/// the other nodes as soon as they hear it, at the latest after their next poll (``FaultWatcher``).
extension ControlRoutes {
    func addFaults(to group: RouterGroup<HaVipRequestContext>) {
        group.post("faults") { request, _ in try await addFault(request) }
        group.get("faults") { _, _ in try await listFaults() }
        group.delete("faults/:id") { _, context in try await deleteFault(try Self.parameter("id", context)) }
        group.delete("faults") { _, _ in try await clearFaults() }
    }

    private func addFault(_ request: Request) async throws -> Response {
        let rule = try Self.faultRule(try await ControlBody.read(request))
        let (id, now) = (ids.resourceId(prefix: "fault"), clock.now())
        let fault = try await store.write { tx in try FaultOperations.add(tx, rule, id: id, now: now) }
        await faultsChanged()
        return try Self.json(.created, FaultAnswer(fault))
    }

    /// Read from the store, not this node's copy: the hits of counted faults are current.
    private func listFaults() async throws -> Response {
        let faults = try await store.read { tx in try FaultOperations.list(tx) }
        return try Self.json(.ok, ["faults": faults.map(FaultAnswer.init)])
    }

    private func deleteFault(_ id: String) async throws -> Response {
        try await store.write { tx in try FaultOperations.delete(tx, id: id) }
        await faultsChanged()
        return Self.noContent
    }

    private func clearFaults() async throws -> Response {
        _ = try await store.write { tx in try FaultOperations.clear(tx) }
        await faultsChanged()
        return Self.noContent
    }

    /// This node reloads its copy now; the others are told.
    private func faultsChanged() async {
        await FaultChanges(book: faults, store: store, logger: logger).faultsChanged()
    }

    /// `{"action", "account"?, "count"?, "probability"?, "latencyMs"?, "error"?: {"code", "status", "message"}}`.
    /// An error of a preset's code alone (`{"code": "Throttling.User"}`, `{"code": "ServiceUnavailable"}`) takes
    /// the real status and message from the catalogue.
    static func faultRule(_ body: ControlBody) throws -> FaultOperations.Rule {
        let body = try body.only(["action", "account", "count", "probability", "latencyMs", "error"])
        var error: APIError?
        if let object = try body.object("error") {
            let object = try object.only(["code", "status", "message"])
            let code = try object.requiredString("code")
            let preset = [APIError.throttlingUser, .serviceUnavailable].first { $0.code == code }
            guard let status = try object.integer("status") ?? preset?.httpStatus, let message = try object.string("message") ?? preset?.message else {
                throw APIError.controlInvalidBody("error: code, status and message (status and message may be left out for Throttling.User and ServiceUnavailable)")
            }
            error = .injected(code: code, status: status, message: message)
        }
        return FaultOperations.Rule(
            action: try body.requiredString("action"), account: try body.string("account"), count: try body.integer("count"),
            probability: try body.number("probability") ?? 1, latencyMs: try body.integer("latencyMs") ?? 0, error: error)
    }
}

/// A fault as the control API shows it: `{"id", "action", "account"?, "count"?, "hits"?, "probability",
/// "latencyMs", "error"?: {"code", "status", "message"}}` (`hits` for a fault with a `count`).
struct FaultAnswer: Encodable {
    struct InjectedError: Encodable {
        let code: String
        let status: Int
        let message: String
    }

    let id: String
    let action: String
    let account: String?
    let count: Int?
    let hits: Int?
    let probability: Double
    let latencyMs: Int
    let error: InjectedError?

    init(_ fault: InjectedFault) {
        id = fault.id
        action = fault.action
        account = fault.targetAccount
        count = fault.count
        hits = fault.count == nil ? nil : fault.hits
        probability = fault.probability
        latencyMs = fault.latencyMs
        error = fault.error.map { InjectedError(code: $0.code, status: $0.httpStatus, message: $0.message) }
    }
}
