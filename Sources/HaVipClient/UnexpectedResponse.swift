/// An answer that is neither what the call expects nor an error of the API's own shape: a proxy's error page,
/// a body that is not JSON, a control answer that does not decode. Carries the status and the start of the body.
public struct UnexpectedResponse: Error, Sendable, Equatable, CustomStringConvertible {
    public let httpStatus: Int
    /// The body's first 2,000 bytes as text.
    public let body: String
    /// Why the answer was not understood.
    public let reason: String

    init(_ answer: HTTPAnswer, reason: String) {
        self.httpStatus = answer.status
        self.body = String(decoding: answer.body.prefix(2_000), as: UTF8.self)
        self.reason = reason
    }

    public var description: String { "unexpected answer (HTTP \(httpStatus)): \(reason): \(body)" }
}
