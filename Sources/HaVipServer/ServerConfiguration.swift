import HaVipModel
import Logging
import RPCWire
import ServiceLifecycle

/// Everything a havip server is built from. The executable fills it from the command line; tests fill it
/// with a temporary store, a manual clock and sequential IDs.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The certificate and key of an HTTPS listener; nil serves plain HTTP.
    public var tls: ServerTLS?
    public var store: any HaVipStore
    public var keys: KeyRing
    public var clock: any WallClock
    public var ids: any IDGenerator
    public var limits: WireLimits
    /// How many nonces this node's cache holds in front of the store's ledger (``NonceCache``).
    public var nonceCapacity: Int
    /// How often the store's expired nonces are deleted.
    public var nonceSweepInterval: Duration
    /// Requests a second allowed per AccessKey on this node, then `Throttling.User`; nil allows any rate.
    public var rateLimit: Int?
    public var settings: ModelSettings
    /// Timeouts and the connection cap of each HTTP connection.
    public var connections: ConnectionLimits
    /// Services the store needs running beside the server (e.g. the PostgreSQL connection pool).
    public var storeServices: [any Service]
    /// Runs once those services are up and before the first request is accepted (e.g. migrations).
    public var prepareStore: @Sendable () async throws -> Void
    /// The control API's token (`Authorization: Bearer TOKEN`); ``AdminToken/development`` by default.
    public var adminToken: String
    /// How many requests this node's journal keeps (`GET /_havip/requests`); 0 keeps none.
    public var journalCapacity: Int
    /// Whether requests and store transactions are measured and `GET /metrics` serves them (``ServerMetrics``).
    public var metricsEnabled: Bool
    /// What `failover` does; nil moves the master in the model only (``ModelFailover``).
    public var failover: (any FailoverDriver)?
    /// How often each node reads the faults' generation, in case it missed a change announcement: the
    /// longest a fault added through another node takes to be in force here (plus one read).
    public var faultPollInterval: Duration
    /// Further services run beside the server (the netns data plane): started after the store's, and shut down
    /// after the server has drained and before the store closes.
    public var services: [any Service]
    /// Called after every RPC request that succeeded, on its own task (it must be quick): the data plane looks at
    /// the store again.
    public var afterSuccessfulRequest: (@Sendable () -> Void)?
    public var logger: Logger

    /// `https` when the listener has TLS, else `http`.
    public var scheme: String { tls == nil ? "http" : "https" }

    public init(
        host: String = "127.0.0.1",
        port: Int = 8580,
        tls: ServerTLS? = nil,
        store: any HaVipStore,
        keys: KeyRing,
        clock: any WallClock = SystemClock(),
        ids: any IDGenerator = RandomIDGenerator(),
        limits: WireLimits = .standard,
        nonceCapacity: Int = 250_000,
        nonceSweepInterval: Duration = .seconds(60),
        rateLimit: Int? = nil,
        settings: ModelSettings = ModelSettings(),
        connections: ConnectionLimits = .standard,
        storeServices: [any Service] = [],
        prepareStore: @escaping @Sendable () async throws -> Void = {},
        adminToken: String = AdminToken.development,
        journalCapacity: Int = 10_000,
        metricsEnabled: Bool = true,
        failover: (any FailoverDriver)? = nil,
        faultPollInterval: Duration = .milliseconds(250),
        services: [any Service] = [],
        afterSuccessfulRequest: (@Sendable () -> Void)? = nil,
        logger: Logger = Logger(label: "havip")
    ) {
        self.host = host
        self.port = port
        self.tls = tls
        self.store = store
        self.keys = keys
        self.clock = clock
        self.ids = ids
        self.limits = limits
        self.nonceCapacity = nonceCapacity
        self.nonceSweepInterval = nonceSweepInterval
        self.rateLimit = rateLimit
        self.settings = settings
        self.connections = connections
        self.storeServices = storeServices
        self.prepareStore = prepareStore
        self.adminToken = adminToken
        self.journalCapacity = journalCapacity
        self.metricsEnabled = metricsEnabled
        self.failover = failover
        self.faultPollInterval = faultPollInterval
        self.services = services
        self.afterSuccessfulRequest = afterSuccessfulRequest
        self.logger = logger
    }
}
