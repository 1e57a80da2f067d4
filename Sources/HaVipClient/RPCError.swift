/// An RPC call the server answered with the Alibaba error envelope: `Code`, `Message`, `RequestId` and the
/// HTTP status, as the official SDKs report them.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public let message: String
    public let requestId: String?
    public let httpStatus: Int
    /// `HostId` of the envelope.
    public let hostId: String?
    /// `Recommend` of the envelope: the troubleshooting link.
    public let recommend: String?

    public init(code: String, message: String, requestId: String?, httpStatus: Int, hostId: String? = nil, recommend: String? = nil) {
        self.code = code
        self.message = message
        self.requestId = requestId
        self.httpStatus = httpStatus
        self.hostId = hostId
        self.recommend = recommend
    }

    /// The envelope's fields, or nil when `json` is not an error envelope.
    init?(envelope json: JSONValue, httpStatus: Int) {
        guard let code = json["Code"]?.string else { return nil }
        self.init(
            code: code, message: json["Message"]?.string ?? "", requestId: json["RequestId"]?.string, httpStatus: httpStatus,
            hostId: json["HostId"]?.string, recommend: json["Recommend"]?.string)
    }

    /// `CODE (HTTP STATUS): MESSAGE [RequestId: ID]`.
    public var description: String {
        "\(code) (HTTP \(httpStatus)): \(message)" + (requestId.map { " [RequestId: \($0)]" } ?? "")
    }
}
