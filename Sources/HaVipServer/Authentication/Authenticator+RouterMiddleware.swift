import Hummingbird

/// On the RPC route, after ``RPCEnvelopeMiddleware``: checks the decoded request's signature and puts the
/// caller's key in the context. A failure is the envelope middleware's to answer.
extension Authenticator: RouterMiddleware {
    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let incoming = context.rpc else { throw RPCRouteError.missing("the decoded request", before: "Authenticator") }
        var context = context
        let caller = try await authenticate(incoming)
        context.caller = caller
        context.observation?.authenticated(caller.account)
        return try await next(request, context)
    }
}
