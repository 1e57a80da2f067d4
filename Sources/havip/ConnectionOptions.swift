import ArgumentParser
import HaVipServer

/// `serve`'s connection options: timeouts and the connection cap (docs/configuration.md).
struct ConnectionOptions: ParsableArguments {
    @Option(help: "Seconds a connection may wait for its next request before it is closed (keep-alive idle timeout).")
    var idleTimeout = Self.seconds(ConnectionLimits.standard.idleTimeout)

    @Option(help: "Seconds a request's line and headers may take to arrive, from its first byte; then 408.")
    var headerTimeout = Self.seconds(ConnectionLimits.standard.headerTimeout)

    @Option(help: "Seconds a request's body may take to arrive, after its headers; then 408.")
    var bodyTimeout = Self.seconds(ConnectionLimits.standard.bodyTimeout)

    @Option(
        help: """
            Connections served at once (lowered to fit the open-file limit). A connection over the cap closes the \
            longest-idle one (idle for a second at least), or is answered 503 when none is.
            """)
    var maxConnections = ConnectionLimits.standard.maxConnections

    func validate() throws {
        for (name, value) in [("--idle-timeout", idleTimeout), ("--header-timeout", headerTimeout), ("--body-timeout", bodyTimeout)] {
            guard value > 0, value <= 86_400 else { throw ValidationError("\(name) must be more than 0 and at most 86400 seconds") }
        }
        guard maxConnections > 0 else { throw ValidationError("--max-connections must be positive") }
    }

    /// The limits, once the open-file limit is raised to its hard limit so the cap has room.
    func applied() -> ConnectionLimits {
        OpenFileLimit.raiseToHardLimit()
        return ConnectionLimits(
            idleTimeout: .milliseconds(Int64(idleTimeout * 1000)), headerTimeout: .milliseconds(Int64(headerTimeout * 1000)),
            bodyTimeout: .milliseconds(Int64(bodyTimeout * 1000)), maxConnections: maxConnections)
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
