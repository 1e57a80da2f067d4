/// The RPC route was put together in the wrong order: a step found the context without what an earlier
/// middleware should have put there. A bug in havip, answered as `InternalError`.
enum RPCRouteError: Error {
    case missing(String, before: String)
}
