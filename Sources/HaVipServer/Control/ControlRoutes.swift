import Foundation
import HTTPTypes
import HaVipModel
import Hummingbird
import Logging
import RPCWire

/// The emulator's own endpoints, under `/_havip/`: JSON in and out, never the RPC envelope; a failure is a
/// thrown ``ControlError`` (``ControlErrorMiddleware`` makes one of whatever an endpoint throws), and a
/// request under the prefix that no endpoint answers gets ``ControlError/notFound(_:)`` (from
/// ``UnmatchedRouteMiddleware``).
///
/// Open to anyone: `GET /_havip/health` (load balancers, start-up scripts and the test suite poll it; it tells
/// only whether the store answers), `GET /metrics` (Prometheus scrapes it; `+Metrics`) and the console's
/// files under `/_havip/console/` (`+Console`; the page asks for the token itself). Every other endpoint
/// needs the admin token (``AdminTokenMiddleware``): middleware added to the group applies only to the
/// endpoints added after it. Each endpoint is a route plus a model operation (docs/controls.md):
/// - reset and snapshots (`ControlRoutes+State.swift`), a world (`+World`), transitions (`+Transitions`),
///   faults (`+Faults`), failover (`+Failover`), the request journal (`+Requests`), the cloud's state as
///   the console reads it (`+Overview`).
struct ControlRoutes: Sendable {
    static let prefix = "/_havip"

    let store: any HaVipStore
    let clock: any WallClock
    let ids: any IDGenerator
    let settings: ModelSettings
    let adminToken: String
    /// The configured keys: their accounts are the console's to pick; the first key's account is where a world
    /// document that names none is made.
    let keys: KeyRing
    let faults: FaultBook
    /// This node's journal; nil when `--journal-capacity 0` turned it off.
    let journal: RequestJournal?
    /// nil when `--no-metrics` turned them off: `/metrics` is then not a route.
    let metrics: ServerMetrics?
    /// The in-memory nonce cache's size, read when `/metrics` is scraped (nil: the nonces live in the store).
    let nonceCacheEntries: @Sendable () -> Int?
    let failover: any FailoverDriver
    let logger: Logger

    /// Whether `path` belongs to the control API.
    static func owns(_ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    func add(to router: Router<HaVipRequestContext>) {
        if let metrics { addMetrics(metrics, to: router) }
        let group = router.group(RouterPath(Self.prefix))
        group.get("health") { _, _ in await health() }
        addConsole(to: group)
        group.add(middleware: ControlErrorMiddleware(logger: logger))
        group.add(middleware: AdminTokenMiddleware(token: adminToken))
        addState(to: group)
        addWorld(to: group)
        addTransitions(to: group)
        addFaults(to: group)
        addFailover(to: group)
        addRequests(to: group)
        addOverview(to: group)
    }

    /// `200 {"status":"ok","store":KIND}` once the store answers, `503 {"status":"unavailable",…}` while it does not.
    private func health() async -> Response {
        do {
            try await store.checkReady()
            return Self.json(.ok, [.init("status", "ok"), .init("store", .string(store.kind))])
        } catch {
            return Self.json(.serviceUnavailable, [.init("status", "unavailable"), .init("store", .string(store.kind))])
        }
    }

    /// A control answer: a JSON object with the RPC answers' JSON content type.
    static func json(_ status: HTTPResponse.Status, _ fields: [ResponseNode.Field]) -> Response {
        Response(
            status: status, headers: [.contentType: ResponseFormat.json.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: JSONRenderer.render(fields))))
    }

    /// A control answer from an `Encodable` value, keys sorted (the same answer is the same text).
    static func json(_ status: HTTPResponse.Status, _ value: some Encodable) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(
            status: status, headers: [.contentType: ResponseFormat.json.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(value))))
    }

    /// `204 No Content`.
    static var noContent: Response { Response(status: .noContent) }

    /// A date as the answers show it: `2026-05-01T10:00:00Z`.
    static func date(_ seconds: Double) -> String { Timestamp.format(Int64(seconds.rounded(.down))) }
}
