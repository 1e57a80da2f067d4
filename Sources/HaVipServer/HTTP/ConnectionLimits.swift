/// How long a connection may take over each part of a request, and how many connections are served at once.
/// Defaults and reasons are in docs/configuration.md; `havip serve` sets them from its options.
public struct ConnectionLimits: Sendable, Equatable {
    /// How long a connection may wait, with no request begun, for its next one (keep-alive); then it is closed.
    public var idleTimeout: Duration
    /// From a request's first byte, how long its request line and headers may take to arrive in full.
    public var headerTimeout: Duration
    /// From the end of a request's headers, how long its whole body may take to arrive.
    public var bodyTimeout: Duration
    /// How many connections are served at once. A connection over the cap closes the longest-idle one to make
    /// room (if idle for a second at least), or is answered `503 ServiceUnavailable` when none is. Held below
    /// the open-file limit.
    public var maxConnections: Int
    /// After an error answer the connection stops sending and reads (and drops) what the client still sends,
    /// for at most this long, so the answer is not lost to a reset; then it is closed.
    public var lingerTimeout: Duration

    public init(
        idleTimeout: Duration = .seconds(60), headerTimeout: Duration = .seconds(10), bodyTimeout: Duration = .seconds(30),
        maxConnections: Int = 4_096, lingerTimeout: Duration = .seconds(2)
    ) {
        self.idleTimeout = idleTimeout
        self.headerTimeout = headerTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
        self.lingerTimeout = lingerTimeout
    }

    public static let standard = ConnectionLimits()

    /// File descriptors kept back from connections for the store, the event loops and logs.
    static let reservedFileDescriptors = 128

    /// The cap actually applied under an open-file limit of `openFiles`: `maxConnections`, lowered to leave
    /// ``reservedFileDescriptors`` (or half the limit, when the limit is small) for everything else.
    public func connectionCap(openFileLimit openFiles: Int) -> Int {
        let available = max(openFiles - Self.reservedFileDescriptors, openFiles / 2)
        return max(1, min(maxConnections, available))
    }
}
