import HTTPTypes
import HaVipModel
import Hummingbird
import RPCWire

/// The emulator's own routes under `/_havip/`. Today: `GET /_havip/health`.
struct ControlController: Sendable {
    let store: any HaVipStore

    func respond(to request: Request) async -> Response {
        switch (request.method, request.uri.path) {
        case (.get, "/_havip/health"):
            do {
                try await store.checkReady()
                return json(.ok, [.init("status", "ok"), .init("store", .string(store.kind))])
            } catch {
                return json(.serviceUnavailable, [.init("status", "unavailable"), .init("store", .string(store.kind))])
            }
        default:
            return json(.notFound, [.init("status", "not found"), .init("path", .string(request.uri.path))])
        }
    }

    private func json(_ status: HTTPResponse.Status, _ fields: [ResponseNode.Field]) -> Response {
        Response(
            status: status, headers: [.contentType: ResponseFormat.json.contentType],
            body: .init(byteBuffer: ByteBuffer(bytes: JSONRenderer.render(fields))))
    }
}
