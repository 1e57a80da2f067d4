import ArgumentParser
import HaVipModel
import HaVipServer
import Logging

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the API server.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8580

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup(title: "HTTPS") var tlsOptions: TLSOptions

    @Option(
        name: .customLong("access-key"),
        help: "An AccessKey as ID:SECRET[:ACCOUNT] (repeatable; the account defaults to the key id).")
    var accessKeys: [AccessKey] = []

    @Option(help: "strict verifies every signature; permissive accepts any AccessKeyId unchecked.")
    var auth = AuthMode.strict

    @Option(help: "How many signature nonces this node caches in front of the store (about 96 bytes each; the store keeps every nonce of the window).")
    var nonceCapacity = 250_000

    @Option(help: "Requests a second allowed per AccessKey on this node, then Throttling.User (default: no limit).")
    var rateLimit: Int?

    @Option(help: "Seconds a HaVip stays Creating, Associating, Unassociating or Deleting (decimal; 0 = synchronous).")
    var transitionDelay = ModelSettings().transitionDelay

    @Option(help: "How many ECS instances (or ENIs) one HaVip can be associated with.")
    var maxHavipAssociations = ModelSettings().maxAssociationsPerHaVip

    @Option(help: "How many HaVips one instance or ENI can be associated with.")
    var maxHavipsPerInstance = ModelSettings().maxHaVipsPerInstance

    @Option(help: "How many vSwitches one VPC can hold.")
    var maxVswitchesPerVpc = ModelSettings().maxVSwitchesPerVpc

    @Option(help: "The control API's token: requests under /_havip/ (but health) carry Authorization: Bearer TOKEN (default: the development token, printed at start-up).")
    var adminToken: String?

    @Option(help: "How many requests this node's journal keeps for GET /_havip/requests (0 keeps none).")
    var journalCapacity = 10_000

    @Flag(inversion: .prefixedNo, help: "Measure requests and store transactions and serve them at GET /metrics (--no-metrics: neither).")
    var metrics = true

    @Option(help: "trace, debug, info, notice, warning, error or critical (info logs one line per request; warning silences that).")
    var logLevel = Logger.Level.info

    @Option(help: "text (one readable line each) or json (one JSON object each, for log pipelines).")
    var logFormat = LogFormat.text

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        guard nonceCapacity > 0 else { throw ValidationError("--nonce-capacity must be at least 1") }
        if let rateLimit, rateLimit <= 0 || rateLimit > 1_000_000 { throw ValidationError("--rate-limit must be 1 to 1000000") }
        guard transitionDelay >= 0, transitionDelay.isFinite else { throw ValidationError("--transition-delay must be 0 or more seconds") }
        guard maxHavipAssociations > 0, maxHavipsPerInstance > 0, maxVswitchesPerVpc > 0 else {
            throw ValidationError("limits must be positive")
        }
        if let adminToken, adminToken.isEmpty || adminToken.contains(where: \.isWhitespace) {
            throw ValidationError("--admin-token must be a non-empty token without spaces")
        }
        guard (0...1_000_000).contains(journalCapacity) else { throw ValidationError("--journal-capacity must be 0 to 1000000") }
    }

    @OptionGroup(title: "Connections") var connections: ConnectionOptions

    @OptionGroup(title: "Data plane") var dataplaneOptions: DataplaneOptions

    func run() async throws {
        LoggingSystem.bootstrap(logFormat.handler)
        var logger = Logger(label: "havip")
        logger.logLevel = logLevel

        try dataplaneOptions.checkMachine()
        let keys = accessKeys.isEmpty ? [AccessKey.development] : accessKeys
        if accessKeys.isEmpty {
            announce("havip: no --access-key given; using the development key \(AccessKey.development.id):\(AccessKey.development.secret)")
        }
        if adminToken == nil {
            announce("havip: no --admin-token given; the control API under /_havip/ takes the development token \(AdminToken.development)")
        }
        let opened = try storeOptions.open(logger: logger, serving: true)
        let configuration = try dataplaneOptions.applied(to: ServerConfiguration(
            host: host, port: port, tls: try await tlsOptions.serverTLS(store: storeOptions.store), store: opened.store, keys: KeyRing(keys: keys, mode: auth),
            nonceCapacity: nonceCapacity, rateLimit: rateLimit, settings: settings,
            connections: connections.applied(),
            storeServices: opened.services, prepareStore: opened.prepare,
            adminToken: adminToken ?? AdminToken.development, journalCapacity: journalCapacity,
            metricsEnabled: metrics, logger: logger))
        let storeDescription = storeOptions.store.description
        let dataplaneSummary = dataplaneOptions.summary
        let app = HaVipServer.makeApplication(configuration) { address in
            announce(
                "havip listening on \(configuration.scheme)://\(address) (store: \(storeDescription), auth: \(auth.rawValue))"
                    + (dataplaneSummary.map { "; \($0)" } ?? ""))
        }
        try await app.runService()
    }

    /// The model's settings from the options (checked in ``validate()``).
    var settings: ModelSettings {
        ModelSettings(
            transitionDelay: transitionDelay, maxAssociationsPerHaVip: maxHavipAssociations, maxHaVipsPerInstance: maxHavipsPerInstance,
            maxVSwitchesPerVpc: maxVswitchesPerVpc)
    }
}

/// `--log-format`: how log lines are written to standard error.
enum LogFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json

    var handler: @Sendable (String) -> any LogHandler {
        switch self {
        case .text: { StreamLogHandler.standardError(label: $0) }
        case .json: { JSONLogHandler.standardError(label: $0) }
        }
    }
}

extension AuthMode: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
