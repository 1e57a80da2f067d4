import ArgumentParser
import Foundation
import HaVipModel
import HaVipPostgres
import HaVipSQLite
import HaVipServer
import Logging
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the API server.")

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0 picks a free one).")
    var port = 8580

    @Option(help: "Where state lives: sqlite:PATH (the default, ./.havip/havip.sqlite), memory, or postgres://USER:PASS@HOST:PORT/DB.")
    var store = StoreOption.sqlite(path: ".havip/havip.sqlite")

    @Option(help: "How hard SQLite pushes commits to disk: normal (survives kill -9) or full (survives power loss).")
    var sqliteSync = SQLiteStore.Durability.normal

    @Option(help: "PostgreSQL connections per node (with a postgres:// store).")
    var poolSize = 16

    @Option(
        name: .customLong("access-key"),
        help: "An AccessKey as ID:SECRET[:ACCOUNT] (repeatable; the account defaults to the key id).")
    var accessKeys: [AccessKey] = []

    @Option(help: "strict verifies every signature; permissive accepts any AccessKeyId unchecked.")
    var auth = AuthMode.strict

    @Option(help: "How many signature nonces to remember at most (bounded replay protection).")
    var nonceCapacity = 2_000_000

    @Option(help: "Seconds a HaVip stays Creating, Associating, Unassociating or Deleting (decimal; 0 = synchronous).")
    var transitionDelay = ModelSettings().transitionDelay

    @Option(help: "How many ECS instances (or ENIs) one HaVip can be associated with.")
    var maxHavipAssociations = ModelSettings().maxAssociationsPerHaVip

    @Option(help: "How many HaVips one instance or ENI can be associated with.")
    var maxHavipsPerInstance = ModelSettings().maxHaVipsPerInstance

    @Option(help: "How many vSwitches one VPC can hold.")
    var maxVswitchesPerVpc = ModelSettings().maxVSwitchesPerVpc

    @Option(help: "trace, debug, info, notice, warning, error or critical.")
    var logLevel = Logger.Level.info

    @OptionGroup(title: "Connections") var connections: ConnectionOptions

    func run() async throws {
        LoggingSystem.bootstrap(StreamLogHandler.standardError)
        var logger = Logger(label: "havip")
        logger.logLevel = logLevel

        let keys = accessKeys.isEmpty ? [AccessKey.development] : accessKeys
        if accessKeys.isEmpty {
            announce("havip: no --access-key given; using the development key \(AccessKey.development.id):\(AccessKey.development.secret)")
        }
        let opened = try store.open(durability: sqliteSync, poolSize: poolSize, logger: logger)
        let configuration = ServerConfiguration(
            host: host, port: port, store: opened.store, keys: KeyRing(keys: keys, mode: auth),
            nonces: opened.store as? any NonceLedger, nonceCapacity: nonceCapacity, settings: try settings(),
            connections: connections.applied(),
            storeServices: opened.services, prepareStore: opened.prepare,
            logger: logger)
        let storeDescription = store.description
        let app = HaVipServer.makeApplication(configuration) { address in
            announce("havip listening on http://\(address) (store: \(storeDescription), auth: \(auth.rawValue))")
        }
        try await app.runService()
    }
}

extension Serve {
    func settings() throws -> ModelSettings {
        guard transitionDelay >= 0, transitionDelay.isFinite else { throw ValidationError("--transition-delay must be 0 or more seconds") }
        guard maxHavipAssociations > 0, maxHavipsPerInstance > 0, maxVswitchesPerVpc > 0 else {
            throw ValidationError("limits must be positive")
        }
        return ModelSettings(
            transitionDelay: transitionDelay, maxAssociationsPerHaVip: maxHavipAssociations, maxHaVipsPerInstance: maxHavipsPerInstance,
            maxVSwitchesPerVpc: maxVswitchesPerVpc)
    }
}

/// Writes a line to stdout at once (unbuffered), for people and scripts waiting on it.
func announce(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

enum StoreOption: ExpressibleByArgument, CustomStringConvertible {
    case sqlite(path: String)
    case memory
    case postgres(url: String)

    init?(argument: String) {
        if argument == "memory" {
            self = .memory
        } else if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else if argument.hasPrefix("sqlite:"), argument.count > "sqlite:".count {
            self = .sqlite(path: String(argument.dropFirst("sqlite:".count)))
        } else {
            return nil
        }
    }

    var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .memory: "memory"
        case .postgres(let url): url.replacingOccurrences(of: #":[^:@/]*@"#, with: ":***@", options: .regularExpression)
        }
    }

    /// The store, the services it needs running, and what must happen before the first request.
    func open(durability: SQLiteStore.Durability, poolSize: Int, logger: Logger) throws -> (
        store: any HaVipStore, services: [any Service], prepare: @Sendable () async throws -> Void
    ) {
        switch self {
        case .sqlite(let path): (try SQLiteStore(path: path, durability: durability), [], {})
        case .memory: (try SQLiteStore.inMemory(), [], {})
        case .postgres(let url):
            try {
                let store = try PostgresStore(url: url, poolSize: poolSize, logger: logger)
                return (store, [store], { try await store.migrate() })
            }()
        }
    }
}

extension AccessKey: ExpressibleByArgument {}
extension AuthMode: ExpressibleByArgument {}
extension SQLiteStore.Durability: ExpressibleByArgument {}
extension Logger.Level: @retroactive ExpressibleByArgument {}
