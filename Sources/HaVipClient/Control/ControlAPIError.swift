/// A control request the server refused: its `{"error": CODE, "detail": TEXT}` answer and HTTP status
/// (401 for a missing or wrong admin token, 404 for an unknown snapshot or fault, 400 for a bad body, ...).
public struct ControlAPIError: Error, Sendable, Equatable, CustomStringConvertible {
    public let httpStatus: Int
    /// The short, stable code, e.g. `NotFound`.
    public let code: String
    /// What went wrong, for a person.
    public let detail: String

    public init(httpStatus: Int, code: String, detail: String) {
        self.httpStatus = httpStatus
        self.code = code
        self.detail = detail
    }

    /// `CODE (HTTP STATUS): DETAIL`.
    public var description: String { "\(code) (HTTP \(httpStatus)): \(detail)" }
}
