import HTTPTypes
import HaVipModel
import Hummingbird
import Logging
import RPCWire

/// A failed RPC request, answered with the Alibaba error envelope: `RequestId`, `HostId`, `Code`, `Message`,
/// `Recommend`, as JSON or XML (root `Error`) by the request's `Format`, with the catalogue's status and the
/// `x-acs-request-id` header. The one place that envelope is made: every route that answers as the RPC API
/// (`/`, unknown paths, unsupported methods) throws this, and the router renders it.
///
/// It renders from the context it was made with, the one where the failure was known (the request ID, the
/// format and product read so far), not from the router's own copy, which those never reached.
struct RPCErrorEnvelope: HTTPResponseError {
    let error: APIError
    let context: HaVipRequestContext

    /// Any error as the envelope answers it: an `APIError` as it is, `StoreError.unavailable` as
    /// `ServiceUnavailable`, anything else as `InternalError`, logged with the request ID (its text never
    /// reaches the client).
    init(_ error: any Error, context: HaVipRequestContext, logger: Logger) {
        switch error {
        case let error as APIError:
            self.error = error
        case let envelope as RPCErrorEnvelope:
            self = envelope
            return
        case StoreError.unavailable(let reason):
            logger.warning("store unavailable", metadata: ["requestId": "\(context.requestId)", "reason": "\(reason)"])
            self.error = .serviceUnavailable
        default:
            logger.error("request failed", metadata: ["requestId": "\(context.requestId)", "error": "\(String(reflecting: error))"])
            self.error = .internalError
        }
        self.context = context
        logger.debug("request rejected", metadata: ["requestId": "\(context.requestId)", "code": "\(self.error.code)"])
    }

    var status: HTTPResponse.Status { HTTPResponse.Status(code: error.httpStatus) }

    func response(from request: Request, context _: some RequestContext) throws -> Response {
        let requestId = context.requestId
        let host = request.head.authority.map { String($0.split(separator: ":").first ?? Substring($0)) } ?? "havip"
        let fields: [ResponseNode.Field] = [
            .init("RequestId", .string(requestId)),
            .init("HostId", .string(host)),
            .init("Code", .string(error.code)),
            .init("Message", .string(error.message)),
            .init(
                "Recommend",
                .string("https://api.aliyun.com/troubleshoot?q=\(error.code)&product=\(context.product.rawValue)&requestId=\(requestId)")),
        ]
        return context.format.response(fields, root: "Error", status: status, requestId: requestId)
    }
}
