import HTTPTypes
import HaVipAPI
import HaVipModel
import Hummingbird
import Logging
import RPCWire

/// The RPC route's first middleware: gives the request its ID, reads its parameters, its `Format` and its
/// action into the context, and turns every failure after that point, its own included, into the Alibaba
/// error envelope (``RPCErrorEnvelope``) in the format the request asked for.
struct RPCEnvelopeMiddleware: RouterMiddleware {
    let table: ActionTable
    let ids: any IDGenerator
    let limits: WireLimits
    let logger: Logger

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.requestId = ids.requestId()
        do {
            // What was read, also when reading failed part way: the request's observer reports it.
            defer { context.observation?.opened(requestId: context.requestId, action: context.action, parameters: context.rpc?.parameters.pairs) }
            try await open(request, into: &context)
        } catch {
            throw RPCErrorEnvelope(error, context: context, logger: logger)
        }
        do {
            return try await next(request, context)
        } catch {
            throw RPCErrorEnvelope(error, context: context, logger: logger)
        }
    }

    /// Decodes the query and the form body, then reads the product, `Format` and the action, each into the
    /// context as soon as it is known: a failure is rendered with whatever was read before it.
    private func open(_ request: Request, into context: inout HaVipRequestContext) async throws {
        // A V3 request names its version and action in headers, readable even when its body or query is not.
        context.product = table.product(version: request.headers[.acsVersion], action: request.headers[.acsAction]) ?? .vpc
        let incoming = try IncomingRPCRequest(
            method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query, headers: request.headers,
            host: request.head.authority, body: try await collectBody(request), limits: limits)
        context.rpc = incoming
        let named = incoming.namedActionAndVersion
        context.product = table.product(version: named.version, action: named.action) ?? .vpc
        guard let format = ResponseFormat(parameter: incoming.parameters["Format"]) else { throw APIError.invalidParameter("Format") }
        context.format = format
        let (actionName, version) = try incoming.actionAndVersion()
        let action = try table.action(named: actionName, version: version)
        context.action = action
        context.product = action.product
    }

    private func collectBody(_ request: Request) async throws(APIError) -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limits.maxBodyBytes {
            throw .requestTooLarge("the body is larger than \(limits.maxBodyBytes) bytes")
        }
        var request = request
        do {
            return try await request.collectBody(upTo: limits.maxBodyBytes)
        } catch {
            throw .requestTooLarge("the body is larger than \(limits.maxBodyBytes) bytes")
        }
    }
}

extension HTTPField.Name {
    /// The V3 headers that name the action and its version.
    static let acsAction = HTTPField.Name("x-acs-action")!
    static let acsVersion = HTTPField.Name("x-acs-version")!
}
