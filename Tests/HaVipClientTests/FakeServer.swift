import HaVipClient
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// What a client sent, as the fake server saw it.
struct RecordedRequest: Sendable {
    let method: String
    /// Path and query, as sent.
    let target: String
    /// Lowercase names (`host` from the request's authority); the last value of a repeated header.
    let headers: [String: String]
    let body: String
}

/// The requests a fake server received, in order.
actor Recorder {
    private(set) var requests: [RecordedRequest] = []

    func record(_ request: RecordedRequest) { requests.append(request) }

    var last: RecordedRequest? { requests.last }
}

/// An HTTP server that records every request and answers it with `answer(request)`: (status, JSON text).
/// It stands in for endpoints the real server does not have yet, pinning what the client sends and reads.
struct FakeServer: HTTPResponder {
    typealias Context = BasicRequestContext
    typealias Answer = @Sendable (RecordedRequest) -> (status: Int, body: String)

    let recorder: Recorder
    let answer: Answer

    func respond(to request: Request, context: Context) async throws -> Response {
        var headers: [String: String] = ["host": request.head.authority ?? ""]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let body = try await request.body.collect(upTo: 1 << 20)
        let recorded = RecordedRequest(
            method: request.method.rawValue, target: request.uri.string, headers: headers, body: String(buffer: body))
        await recorder.record(recorded)
        let (status, text) = answer(recorded)
        return Response(
            status: .init(code: status), headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// Runs `body` with a connection to a fake server on a free port (`.ahc`: its own test client stays unused and unconnected) and its recorder.
    static func run(
        answering answer: @escaping Answer, _ body: @escaping @Sendable (HaVipConnection, Recorder) async throws -> Void
    ) async throws {
        let recorder = Recorder()
        let app = Application(responder: FakeServer(recorder: recorder, answer: answer), logger: Logger(label: "fake-havip"))
        try await app.test(.ahc(.http)) { client in
            let port = try #require(client.port)
            try await HaVipConnection.withConnection(to: Endpoint(scheme: "http", host: "localhost", port: port)) { connection in
                try await body(connection, recorder)
            }
        }
    }
}
