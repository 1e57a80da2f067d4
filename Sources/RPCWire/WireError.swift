/// A request that breaks the RPC protocol's encoding rules, before any action is known.
///
/// The server turns each case into its catalogue error; this module knows no error codes.
public enum WireError: Error, Equatable, Sendable {
    /// Broken percent-encoding or bytes that are not UTF-8; the payload says where.
    case malformed(String)
    /// A limit of ``WireLimits`` was exceeded; the payload says which.
    case tooLarge(String)
    /// A flattened-list index that is not a number from 1 to ``WireLimits/maxListIndex``; the payload is the parameter name.
    case invalidListIndex(String)
}

/// The bounds every request is held to.
public struct WireLimits: Sendable {
    public var maxBodyBytes: Int
    public var maxParameters: Int
    public var maxValueBytes: Int
    public var maxListIndex: Int

    public init(maxBodyBytes: Int = 1 << 20, maxParameters: Int = 1_000, maxValueBytes: Int = 32 * 1024, maxListIndex: Int = 1_000) {
        self.maxBodyBytes = maxBodyBytes
        self.maxParameters = maxParameters
        self.maxValueBytes = maxValueBytes
        self.maxListIndex = maxListIndex
    }

    public static let standard = WireLimits()
}
