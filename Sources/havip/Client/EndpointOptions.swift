import ArgumentParser
import HaVipClient

/// Where the server is and how to trust it: the options `vpc|ecs|sts` and `ctl` share.
struct EndpointOptions: ParsableArguments {
    @Option(help: "The server, http[s]://HOST:PORT (default: $HAVIP_ENDPOINT, else http://127.0.0.1:8580).")
    var endpoint: String?

    @Option(help: "A PEM file of the CA certificates to trust for an https:// endpoint (default: $HAVIP_CA_BUNDLE).")
    var caBundle: String?

    @Option(help: "Seconds one request may take.")
    var timeout = 30.0

    func validate() throws {
        if let endpoint, Endpoint(endpoint) == nil { throw ValidationError("--endpoint must be http[s]://HOST:PORT, not \(endpoint)") }
        guard timeout > 0, timeout.isFinite else { throw ValidationError("--timeout must be positive") }
    }

    /// The endpoint: `--endpoint`, else `HAVIP_ENDPOINT`, else the local server's default.
    func endpoint(in environment: [String: String]) throws -> Endpoint {
        guard let text = endpoint ?? environment["HAVIP_ENDPOINT"], !text.isEmpty else { return .local }
        guard let parsed = Endpoint(text) else { throw ValidationError("HAVIP_ENDPOINT must be http[s]://HOST:PORT, not \(text)") }
        return parsed
    }

    /// Runs `work` with a connection to the endpoint, trusting `--ca-bundle` (or `HAVIP_CA_BUNDLE`) when given;
    /// a failure the server or the network reports ends the command with status 1 (``reportingFailures(reaching:_:)``).
    func run(environment: [String: String], _ work: (HaVipConnection) async throws -> Void) async throws {
        let endpoint = try endpoint(in: environment)
        let caBundle = caBundle ?? environment["HAVIP_CA_BUNDLE"].flatMap { $0.isEmpty ? nil : $0 }
        try await reportingFailures(reaching: endpoint) {
            try await HaVipConnection.withConnection(
                to: endpoint, caBundle: caBundle, timeout: .milliseconds(Int64(timeout * 1_000)), work)
        }
    }
}
