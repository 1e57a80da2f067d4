import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import NIOSSL

/// The HTTP side of a client: a havip endpoint and the async-http-client that reaches it. ``RPCClient`` and
/// ``ControlClient`` send their requests through one.
///
/// ``withConnection(to:caBundle:timeout:_:)`` makes an HTTP client for the connection and shuts it down after
/// use: one that fails a call at once when the server cannot be reached (async-http-client's shared client
/// retries until the call's deadline), and, with a CA bundle, trusts the CAs of a server with a certificate of
/// its own. ``init(endpoint:httpClient:timeout:)`` takes a client the caller keeps.
public struct HaVipConnection: Sendable {
    public let endpoint: Endpoint
    public let httpClient: HTTPClient
    /// How long one request may take, from connecting to the last byte of the answer.
    public var timeout: TimeAmount
    /// The largest answer read; a longer one fails the call.
    public var maxResponseBytes = 64 << 20

    /// A connection through `httpClient`, which the caller keeps alive (and shuts down, unless it is `.shared`).
    public init(endpoint: Endpoint, httpClient: HTTPClient = .shared, timeout: TimeAmount = .seconds(30)) {
        self.endpoint = endpoint
        self.httpClient = httpClient
        self.timeout = timeout
    }

    /// Runs `body` with a connection to `endpoint` through an HTTP client of its own, shut down when `body`
    /// ends. With `caBundle` (a PEM file of one or more CA certificates), TLS trusts those CAs instead of the
    /// system's.
    public static func withConnection<Result: Sendable>(
        to endpoint: Endpoint, caBundle: String? = nil, timeout: TimeAmount = .seconds(30),
        _ body: (HaVipConnection) async throws -> Result
    ) async throws -> Result {
        var configuration = HTTPClient.Configuration(tlsConfiguration: try caBundle.map { try tlsConfiguration(caBundle: $0) })
        // A refused connection or a failed TLS handshake fails the call at once, instead of being retried until
        // the deadline: the server is local, and a person is waiting.
        configuration.connectionPool.retryConnectionEstablishment = false
        let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
        let result: Result
        do {
            result = try await body(HaVipConnection(endpoint: endpoint, httpClient: client, timeout: timeout))
        } catch {
            try? await client.shutdown()
            throw error
        }
        try await client.shutdown()
        return result
    }

    /// A client TLS configuration that trusts the CA certificates in the PEM file `caBundle` (and no others).
    public static func tlsConfiguration(caBundle: String) throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(caBundle))
        return configuration
    }

    /// One HTTP exchange with the endpoint. `pathAndQuery` starts with `/`; `headers` are sent as given
    /// (`Host` defaults to the endpoint's).
    func send(
        method: HTTPMethod, pathAndQuery: String, headers: [(name: String, value: String)] = [], body: [UInt8]? = nil
    ) async throws -> HTTPAnswer {
        var request = HTTPClientRequest(url: endpoint.description + pathAndQuery)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if !request.headers.contains(name: "host") { request.headers.add(name: "host", value: endpoint.hostHeader) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await httpClient.execute(request, timeout: timeout)
        let bytes = try await response.body.collect(upTo: maxResponseBytes)
        return HTTPAnswer(status: Int(response.status.code), headers: response.headers, body: Array(buffer: bytes))
    }
}

/// An HTTP answer, read whole.
struct HTTPAnswer: Sendable {
    let status: Int
    let headers: HTTPHeaders
    let body: [UInt8]

    var isSuccess: Bool { (200..<300).contains(status) }
    var text: String { String(decoding: body, as: UTF8.self) }
}
