import HTTPTypes
import HaVipModel
import NIOCore
import RPCWire

/// An RPC request after its query and form body are decoded, before authentication.
struct IncomingRPCRequest: Sendable {
    let method: String
    let path: String
    /// The URL's own parameters (V3 signs only these).
    let query: [(name: String, value: String)]
    /// Query and form body together (V1 signs all of them; actions read them).
    let parameters: Parameters
    let headers: HTTPFields
    /// The `Host` header, which HTTP/1 puts in the request's authority.
    let host: String?
    /// The body as it arrived (decoded in place, hashed in place for V3: never copied).
    let body: ByteBuffer

    init(method: String, path: String, rawQuery: String?, headers: HTTPFields, host: String?, body: ByteBuffer, limits: WireLimits) throws(APIError) {
        self.method = method
        self.path = path
        self.headers = headers
        self.host = host
        self.body = body
        do {
            var query: [(name: String, value: String)] = []
            if let rawQuery { try FormDecoding.decode(rawQuery.utf8, into: &query, limits: limits) }
            self.query = query
            var all = query
            if body.readableBytes > 0, Self.isForm(headers[.contentType]) {
                try FormDecoding.decode(body.readableBytesView, into: &all, limits: limits)
            }
            self.parameters = Parameters(all, limits: limits)
        } catch {
            throw APIError(error)
        }
    }

    /// One value of a header, by lowercase name.
    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }

    /// All values of a header by lowercase name; `host` is read from the authority.
    func headerValues(_ name: String) -> [String] {
        if name == "host" { return host.map { [$0] } ?? [] }
        return HTTPField.Name(name).map { headers[values: $0] } ?? []
    }

    /// The action and version, from the parameters or the `x-acs-*` headers; they must agree when both are sent.
    func actionAndVersion() throws(APIError) -> (action: String, version: String) {
        func pick(_ parameter: String, _ header: String) throws(APIError) -> String {
            let fromParameter = parameters.optional(parameter)
            let fromHeader = self.header(header).flatMap { $0.isEmpty ? nil : $0 }
            if let fromParameter, let fromHeader, fromParameter != fromHeader { throw .invalidActionOrVersion }
            guard let value = fromParameter ?? fromHeader else { throw .missingParameter(parameter) }
            return value
        }
        return (try pick("Action", "x-acs-action"), try pick("Version", "x-acs-version"))
    }

    /// The action and version as far as the request names them (parameter first, then header), unchecked: what
    /// tells the product of an error raised before the action is found.
    var namedActionAndVersion: (action: String?, version: String?) {
        (parameters.optional("Action") ?? header("x-acs-action"), parameters.optional("Version") ?? header("x-acs-version"))
    }

    private static func isForm(_ contentType: String?) -> Bool {
        contentType?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }
}
