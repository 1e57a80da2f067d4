import Foundation

/// Where a havip server listens: `http://HOST:PORT` or `https://HOST:PORT` (a bare `HOST:PORT` is http).
public struct Endpoint: Sendable, Equatable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int

    /// The local server's default address, `http://127.0.0.1:8580`.
    public static let local = Endpoint(scheme: "http", host: "127.0.0.1", port: 8580)

    public init(scheme: String, host: String, port: Int) {
        self.scheme = scheme
        self.host = host
        self.port = port
    }

    /// Parses `http[s]://HOST[:PORT][/]` or `HOST:PORT`; the port defaults to the scheme's. Nil for anything
    /// else (another scheme, a path, a query, credentials in the URL).
    public init?(_ text: String) {
        let withScheme = text.contains("://") ? text : "http://" + text
        guard let components = URLComponents(string: withScheme), let scheme = components.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
            components.path.isEmpty || components.path == "/", components.query == nil, components.fragment == nil,
            components.user == nil, components.password == nil
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        guard (1...65_535).contains(port) else { return nil }
        self.init(scheme: scheme, host: host, port: port)
    }

    public var isTLS: Bool { scheme == "https" }

    /// The `Host` header a request carries: the port is left out when it is the scheme's default.
    public var hostHeader: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == (isTLS ? 443 : 80) ? name : "\(name):\(port)"
    }

    /// `scheme://host:port`, without a trailing slash.
    public var description: String { "\(scheme)://\(hostHeader)" }
}
