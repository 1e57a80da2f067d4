import HaVipAPI
import HaVipModel
import Hummingbird
import Logging
import RPCWire
import ServiceLifecycle

/// Everything a havip server is built from. The executable fills it from the command line; tests fill it
/// with a temporary store, a manual clock and sequential IDs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var store: any HaVipStore
    public var keys: KeyRing
    public var clock: any WallClock
    public var ids: any IDGenerator
    public var limits: WireLimits
    /// Where used nonces are remembered; nil means in memory, holding at most `nonceCapacity`.
    public var nonces: (any NonceLedger)?
    public var nonceCapacity: Int
    public var settings: ModelSettings
    /// Timeouts and the connection cap of each HTTP connection.
    public var connections: ConnectionLimits
    /// Services the store needs running beside the server (e.g. the PostgreSQL connection pool).
    public var storeServices: [any Service]
    /// Runs once those services are up and before the first request is accepted (e.g. migrations).
    public var prepareStore: @Sendable () async throws -> Void
    public var logger: Logger

    public init(
        host: String = "127.0.0.1",
        port: Int = 8580,
        store: any HaVipStore,
        keys: KeyRing,
        clock: any WallClock = SystemClock(),
        ids: any IDGenerator = RandomIDGenerator(),
        limits: WireLimits = .standard,
        nonces: (any NonceLedger)? = nil,
        nonceCapacity: Int = 2_000_000,
        settings: ModelSettings = ModelSettings(),
        connections: ConnectionLimits = .standard,
        storeServices: [any Service] = [],
        prepareStore: @escaping @Sendable () async throws -> Void = {},
        logger: Logger = Logger(label: "havip")
    ) {
        self.host = host
        self.port = port
        self.store = store
        self.keys = keys
        self.clock = clock
        self.ids = ids
        self.limits = limits
        self.nonces = nonces
        self.nonceCapacity = nonceCapacity
        self.settings = settings
        self.connections = connections
        self.storeServices = storeServices
        self.prepareStore = prepareStore
        self.logger = logger
    }
}

/// Builds the Hummingbird application: the one place that wires the layers together.
public enum HaVipServer {
    public static func makeApplication(
        _ configuration: ServerConfiguration,
        onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let services = ActionServices(
            store: configuration.store, clock: configuration.clock, ids: configuration.ids, settings: configuration.settings)
        let responder = HaVipResponder(
            rpc: RPCController(
                table: .standard,
                authenticator: Authenticator(
                    keys: configuration.keys, clock: configuration.clock, nonces: configuration.nonces ?? NonceCache(capacity: configuration.nonceCapacity)),
                services: services, limits: configuration.limits, logger: configuration.logger),
            control: ControlController(store: configuration.store))
        let connectionCap = configuration.connections.connectionCap(openFileLimit: OpenFileLimit.current ?? Int.max)
        if connectionCap < configuration.connections.maxConnections {
            configuration.logger.notice(
                "connection cap lowered to fit the open-file limit",
                metadata: ["maxConnections": "\(connectionCap)", "openFileLimit": "\(OpenFileLimit.current ?? 0)"])
        }
        var app = Application(
            responder: responder,
            server: .http1OnEventLoops(
                limits: configuration.connections, registry: ConnectionRegistry(cap: connectionCap),
                answer: ConnectionErrorAnswer(ids: configuration.ids)),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            // Shut down in reverse order: the server drains first, then the store closes, then its services stop.
            services: configuration.storeServices + [StoreLifecycle(store: configuration.store, logger: configuration.logger)],
            onServerRunning: { channel in
                // See SpareDescriptorHandler: without it, running out of file descriptors spins the event loop.
                try? await channel.eventLoop.submit {
                    try channel.pipeline.syncOperations.addHandler(SpareDescriptorHandler(), position: .first)
                }.get()
                let address = channel.localAddress.map { "\($0.ipAddress ?? configuration.host):\($0.port ?? configuration.port)" }
                await onServerRunning(address ?? "\(configuration.host):\(configuration.port)")
            },
            logger: configuration.logger)
        app.beforeServerStarts(perform: configuration.prepareStore)
        return app
    }
}

/// Closes the store once the server has drained (the server is shut down first: it is started last).
struct StoreLifecycle: Service {
    let store: any HaVipStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await store.close()
        } catch {
            logger.error("closing the store failed", metadata: ["error": "\(error)"])
        }
    }
}
