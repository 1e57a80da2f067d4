import HTTPTypes
import HaVipAPI
import HaVipModel
import Hummingbird
import Logging
import RPCWire

/// Serves `GET /` and `POST /`: decode, look up the action, authenticate, run, render — and render every
/// failure as the Alibaba error envelope in the format the request asked for.
struct RPCController: Sendable {
    let table: ActionTable
    let authenticator: Authenticator
    let services: ActionServices
    let limits: WireLimits
    let logger: Logger

    func respond(to request: Request) async -> Response {
        let requestId = services.ids.requestId()
        var outcome = Outcome()
        do {
            let body = try await self.run(request, requestId: requestId, outcome: &outcome)
            return render(body.withRequestId(requestId), root: "\(outcome.action ?? "")Response", status: .ok, outcome: outcome, requestId: requestId)
        } catch let error as APIError {
            return renderError(error, request: request, outcome: outcome, requestId: requestId)
        } catch StoreError.unavailable(let reason) {
            logger.warning("store unavailable", metadata: ["requestId": "\(requestId)", "reason": "\(reason)"])
            return renderError(.serviceUnavailable, request: request, outcome: outcome, requestId: requestId)
        } catch {
            logger.error("request failed", metadata: ["requestId": "\(requestId)", "error": "\(String(reflecting: error))"])
            return renderError(.internalError, request: request, outcome: outcome, requestId: requestId)
        }
    }

    /// A path other than `/`: an API that does not exist.
    func respondUnknownPath(_ request: Request) -> Response {
        renderError(.actionNotFound, request: request, outcome: Outcome(), requestId: services.ids.requestId())
    }

    /// What is known of the request so far, for rendering: errors use the format and product found before them.
    private struct Outcome {
        var format = ResponseFormat.json
        var action: String?
        var product = Product.vpc
    }

    private func run(_ request: Request, requestId: String, outcome: inout Outcome) async throws -> RPCResponse {
        guard request.method == .get || request.method == .post else { throw APIError.unsupportedHTTPMethod }
        let incoming = try IncomingRPCRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query, headers: request.headers,
            host: request.head.authority, body: try await collectBody(request), limits: limits)
        guard let format = ResponseFormat(parameter: incoming.parameters["Format"]) else { throw APIError.invalidParameter("Format") }
        outcome.format = format
        let (actionName, version) = try incoming.actionAndVersion()
        outcome.action = actionName
        let action = try table.action(named: actionName, version: version)
        outcome.product = action.product
        let caller = try await authenticator.authenticate(incoming)
        return try await action.run(ActionCall(action: action.name, parameters: incoming.parameters, caller: caller, services: services))
    }

    private func collectBody(_ request: Request) async throws(APIError) -> [UInt8] {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw .requestTooLarge("the body is larger than \(limits.maxBodyBytes) bytes")
        }
        var request = request
        do {
            let buffer = try await request.collectBody(upTo: limits.maxBodyBytes)
            return Array(buffer.readableBytesView)
        } catch {
            throw .requestTooLarge("the body is larger than \(limits.maxBodyBytes) bytes")
        }
    }

    private func renderError(_ error: APIError, request: Request, outcome: Outcome, requestId: String) -> Response {
        let host = request.head.authority.map { String($0.split(separator: ":").first ?? Substring($0)) } ?? "havip"
        let fields: [ResponseNode.Field] = [
            .init("RequestId", .string(requestId)),
            .init("HostId", .string(host)),
            .init("Code", .string(error.code)),
            .init("Message", .string(error.message)),
            .init("Recommend", .string("https://api.aliyun.com/troubleshoot?q=\(error.code)&product=\(outcome.product.rawValue)&requestId=\(requestId)")),
        ]
        logger.debug("request rejected", metadata: ["requestId": "\(requestId)", "code": "\(error.code)"])
        return render(fields, root: "Error", status: HTTPResponse.Status(code: error.httpStatus), outcome: outcome, requestId: requestId)
    }

    private func render(_ fields: [ResponseNode.Field], root: String, status: HTTPResponse.Status, outcome: Outcome, requestId: String) -> Response {
        let bytes = outcome.format.render(fields, root: root)
        var headers = HTTPFields()
        headers[.contentType] = outcome.format.contentType
        headers[Self.requestIdHeader] = requestId
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    private static let requestIdHeader = HTTPField.Name("x-acs-request-id")!
}
