import HTTPTypes
import HaVipModel
import Hummingbird
import RPCWire

/// The emulator's own endpoints, under `/_havip/`: JSON in and out, never the RPC envelope; a failure is a
/// thrown ``ControlError``, and a request under the prefix that no endpoint answers gets
/// ``ControlError/notFound(_:)`` (from ``UnmatchedRouteMiddleware``).
///
/// Today: `GET /_havip/health`, open to anyone (start-up scripts and the test suite poll it). Middleware
/// added to the group applies only to the endpoints added after it, so endpoints that need a credential go
/// after the middleware that checks it.
struct ControlRoutes: Sendable {
    static let prefix = "/_havip"

    let store: any HaVipStore

    /// Whether `path` belongs to the control API.
    static func owns(_ path: String) -> Bool {
        path == prefix || path.hasPrefix(prefix + "/")
    }

    func add(to router: Router<HaVipRequestContext>) {
        let group = router.group(RouterPath(Self.prefix))
        group.get("health") { _, _ in await health() }
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
}
