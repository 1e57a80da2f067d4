import HaVipModel
import Hummingbird

/// `GET|PUT /_havip/transitions`, `POST /_havip/transitions/step`: the status machine's mode (``Transitions``).
extension ControlRoutes {
    func addTransitions(to group: RouterGroup<HaVipRequestContext>) {
        group.get("transitions") { _, _ in try await showTransitions() }
        group.put("transitions") { request, _ in try await setTransitions(request) }
        group.post("transitions/step") { _, _ in try await stepTransitions() }
    }

    private func showTransitions() async throws -> Response {
        let settings = settings
        return try Self.json(.ok, TransitionAnswer(try await store.read { tx in try Transitions.mode(tx, default: settings) }))
    }

    /// `{"mode": "delay", "seconds": 0.2}` or `{"mode": "manual"}` → the mode now in force.
    private func setTransitions(_ request: Request) async throws -> Response {
        let body = try await ControlBody.read(request).only(["mode", "seconds"])
        let mode: TransitionMode
        switch try body.requiredString("mode") {
        case "delay":
            guard let seconds = try body.number("seconds") else { throw APIError.controlInvalidBody("seconds: required with the delay mode") }
            mode = .delay(seconds: seconds)
        case "manual":
            guard body.fields["seconds"] == nil else { throw APIError.controlInvalidBody("seconds: only with the delay mode") }
            mode = .manual
        default:
            throw APIError.controlInvalidBody("mode: delay or manual")
        }
        let now = clock.now()
        try await store.write { tx in try Transitions.setMode(tx, mode, now: now) }
        return try Self.json(.ok, TransitionAnswer(mode))
    }

    /// `{"advanced": N}`: every pending transition of every account finished.
    private func stepTransitions() async throws -> Response {
        let now = clock.now()
        let advanced = try await store.write { tx in try Transitions.step(tx, now: now) }
        return try Self.json(.ok, ["advanced": advanced])
    }
}

/// `{"mode": "delay", "seconds": 0.2}` or `{"mode": "manual"}`.
struct TransitionAnswer: Encodable {
    let mode: String
    let seconds: Double?

    init(_ mode: TransitionMode) {
        switch mode {
        case .delay(let seconds): (self.mode, self.seconds) = ("delay", seconds)
        case .manual: (self.mode, self.seconds) = ("manual", nil)
        }
    }
}
