import HaVipAPI
import Hummingbird
import RPCWire

/// The end of the RPC route (`GET /` and `POST /`): runs the action the context names for the authenticated
/// caller and renders its answer, `RequestId` where the product's service puts it, as JSON or XML (root `<Action>Response`). Failures are
/// ``RPCEnvelopeMiddleware``'s to answer.
struct RPCController: HTTPResponder {
    let services: ActionServices

    func respond(to request: Request, context: HaVipRequestContext) async throws -> Response {
        guard let incoming = context.rpc, let action = context.action else {
            throw RPCRouteError.missing("the decoded request", before: "RPCController")
        }
        guard let caller = context.caller else { throw RPCRouteError.missing("the caller", before: "RPCController") }
        let body = try await action.run(ActionCall(action: action.name, parameters: incoming.parameters, caller: caller, services: services))
        return context.format.response(
            body.withRequestId(context.requestId, product: action.product), root: "\(action.name)Response", status: .ok, requestId: context.requestId)
    }
}
