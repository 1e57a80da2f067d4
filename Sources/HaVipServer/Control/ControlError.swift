import HTTPTypes
import Hummingbird

/// A control request that failed, answered `{"error": CODE, "detail": TEXT}` with a 4xx status: the shape of
/// every control API error. The router renders it from wherever on a `/_havip/` route it is thrown.
struct ControlError: HTTPResponseError {
    let status: HTTPResponse.Status
    /// A short, stable code, e.g. `NotFound`.
    let code: String
    /// What went wrong, for a person.
    let detail: String

    /// No control endpoint answers this method on this path.
    static func notFound(_ request: Request) -> ControlError {
        ControlError(status: .notFound, code: "NotFound", detail: "no control endpoint answers \(request.method.rawValue) \(request.uri.path)")
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        ControlRoutes.json(status, [.init("error", .string(code)), .init("detail", .string(detail))])
    }
}
