import RPCWire

/// Every error code, HTTP status and message havip returns, spelled once.
/// Texts follow the real service where it is known (see docs/compatibility.md for the choices).
extension APIError {
    // MARK: Gateway and protocol

    public static func missingParameter(_ name: String) -> APIError {
        APIError("MissingParameter", 400, "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied.")
    }

    public static func invalidParameter(_ name: String) -> APIError {
        APIError("InvalidParameter", 400, "The specified parameter \"\(name)\" is not valid.")
    }

    public static let invalidActionOrVersion = invalidParameter("Action or Version")

    public static let actionNotFound = APIError(
        "InvalidAction.NotFound", 404, "Specified api is not found, please check your url and method.")

    public static let unsupportedHTTPMethod = APIError("UnsupportedHTTPMethod", 403, "This http method not supported.")

    public static func malformedRequest(_ detail: String) -> APIError {
        APIError("InvalidParameter.Malformed", 400, "The request contains a malformed parameter: \(detail).")
    }

    public static func requestTooLarge(_ detail: String) -> APIError {
        APIError("InvalidParameter.TooLarge", 400, "The request is too large: \(detail).")
    }

    /// The catalogue entry for a request that broke the encoding rules.
    public init(_ wireError: WireError) {
        switch wireError {
        case .malformed(let detail): self = .malformedRequest(detail)
        case .tooLarge(let detail): self = .requestTooLarge(detail)
        case .invalidListIndex(let name): self = .invalidParameter(name)
        }
    }

    public static let internalError = APIError(
        "InternalError", 500, "The request processing has failed due to some unknown error, exception or failure.")

    public static let serviceUnavailable = APIError(
        "ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server.")

    // MARK: Authentication

    public static let incompleteSignature = APIError(
        "IncompleteSignature", 400, "The request signature does not conform to Aliyun standards.")

    public static let accessKeyNotFound = APIError("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.")

    public static func signatureDoesNotMatch(serverStringToSign: String) -> APIError {
        APIError(
            "SignatureDoesNotMatch", 400,
            "Specified signature is not matched with our calculation. server string to sign is:\(serverStringToSign)")
    }

    public static let signatureNonceUsed = APIError("SignatureNonceUsed", 400, "Specified signature nonce was used already.")

    public static let timestampExpired = APIError("InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired.")

    public static let timestampMalformed = APIError(
        "InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted.")

    // MARK: Regions

    public static let regionNotFound = APIError("InvalidRegionId.NotFound", 404, "The RegionId provided does not exist in our records.")
}
