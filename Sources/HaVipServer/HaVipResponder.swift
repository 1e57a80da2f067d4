import HaVipAPI
import Hummingbird

/// The whole HTTP surface: `/` is the RPC endpoint, `/_havip/…` the emulator's controls; any other
/// path is an unknown API, answered with the RPC envelope.
struct HaVipResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    let rpc: RPCController
    let control: ControlController

    func respond(to request: Request, context: Context) async throws -> Response {
        let path = request.uri.path
        if path == "/" { return await rpc.respond(to: request) }
        if path.hasPrefix("/_havip/") { return await control.respond(to: request) }
        return rpc.respondUnknownPath(request)
    }
}
