/// An error as the Alibaba RPC envelope reports it. Rules throw the entries of ``ErrorCatalogue.swift``;
/// the server renders them. Anything that is not an `APIError` becomes ``APIError/internalError``.
public struct APIError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let httpStatus: Int
    public let message: String

    init(_ code: String, _ httpStatus: Int, _ message: String) {
        self.code = code
        self.httpStatus = httpStatus
        self.message = message
    }

    public var description: String { "\(httpStatus) \(code): \(message)" }
}
