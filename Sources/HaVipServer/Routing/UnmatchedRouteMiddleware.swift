import HaVipModel
import Hummingbird
import Logging

/// Answers what no route does, as the API that owns the path would: under `/_havip/` the control API's
/// JSON 404; on `/` (a method other than GET and POST) `UnsupportedHTTPMethod`; on any other path
/// `InvalidAction.NotFound`, both in the RPC error envelope.
///
/// It catches the router's not-found error, as Hummingbird's `FileMiddleware` does. Added to the router
/// after every route, it wraps only the router's not-found responder: no matched request passes through it.
struct UnmatchedRouteMiddleware: RouterMiddleware {
    let ids: any IDGenerator
    let logger: Logger

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            if ControlRoutes.owns(path) { throw ControlError.notFound(request) }
            var context = context
            context.requestId = ids.requestId()
            throw RPCErrorEnvelope(path == "/" ? APIError.unsupportedHTTPMethod : .actionNotFound, context: context, logger: logger)
        }
    }
}
