import HTTPTypes
import HaVipModel
import Hummingbird

/// A control request that failed, answered `{"error": CODE, "detail": TEXT}` with the error's status: the
/// shape of every control API error. The router renders it from wherever on a `/_havip/` route it is thrown;
/// the code, status and text come from the error catalogue (its control API section, or the API error a
/// model operation threw, e.g. `InvalidHaVipId.NotFound` from a failover).
struct ControlError: HTTPResponseError {
    let error: APIError

    init(_ error: APIError) {
        self.error = error
    }

    var status: HTTPResponse.Status { HTTPResponse.Status(code: error.httpStatus) }
    /// A short, stable code, e.g. `NotFound`.
    var code: String { error.code }
    /// What went wrong, for a person.
    var detail: String { error.message }

    /// No control endpoint answers this method on this path.
    static func notFound(_ request: Request) -> ControlError {
        ControlError(.controlNotFound("no control endpoint answers \(request.method.rawValue) \(request.uri.path)"))
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = ControlRoutes.json(status, [.init("error", .string(code)), .init("detail", .string(detail))])
        if status == .unauthorized { response.headers[.wwwAuthenticate] = "Bearer" }
        return response
    }
}
