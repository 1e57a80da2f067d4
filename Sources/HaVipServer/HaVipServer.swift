import HaVipAPI
import HaVipModel
import Hummingbird

/// Builds the Hummingbird application: the one place that wires the layers together.
public enum HaVipServer {
    public static func makeApplication(
        _ configuration: ServerConfiguration,
        onServerRunning: @escaping @Sendable (String) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let connectionCap = configuration.connections.connectionCap(openFileLimit: OpenFileLimit.current ?? Int.max)
        if connectionCap < configuration.connections.maxConnections {
            configuration.logger.notice(
                "connection cap lowered to fit the open-file limit",
                metadata: ["maxConnections": "\(connectionCap)", "openFileLimit": "\(OpenFileLimit.current ?? 0)"])
        }
        let controls = Controls(configuration)
        var app = Application(
            router: makeRouter(configuration, controls: controls),
            server: .http1OnEventLoops(
                limits: configuration.connections, registry: ConnectionRegistry(cap: connectionCap),
                answer: ConnectionErrorAnswer(ids: configuration.ids), tls: configuration.tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            // Shut down in reverse order: the server drains first, then the nonce sweeper and the fault watcher stop,
            // then the further services (the data plane removes its lab), then the store closes, then its services stop.
            services: configuration.storeServices + [StoreLifecycle(store: configuration.store, logger: configuration.logger)]
                + configuration.services + [controls.watcher(configuration)]
                + [NonceSweeper(store: configuration.store, clock: configuration.clock, interval: configuration.nonceSweepInterval, logger: configuration.logger)],
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
        // Faults kept in the store from before a restart are in force from the first request.
        app.beforeServerStarts { [faults = controls.faults] in try? await faults.refresh() }
        return app
    }

    /// Every route, with the middleware each runs through:
    /// - `GET /`, `POST /`, the RPC API: ``RequestObserverMiddleware`` (the journal sees every finished
    ///   request) → ``RPCEnvelopeMiddleware`` (request ID, parameters, `Format`, action; every failure as the
    ///   error envelope) → ``Authenticator`` → ``FaultMiddleware`` (injected faults) → ``RPCController``;
    /// - `/_havip/…`, the emulator's controls: ``ControlRoutes`` (health, the console's files and `GET /metrics`
    ///   open; the rest behind the admin token); RPC actions and control endpoints use the store through
    ///   ``MeteredStore``;
    /// - anything else: ``UnmatchedRouteMiddleware``.
    static func makeRouter(_ configuration: ServerConfiguration, controls: Controls) -> Router<HaVipRequestContext> {
        let router = Router(context: HaVipRequestContext.self)
        let store = controls.meteredStore(configuration)
        let rpc = RPCController(
            services: ActionServices(store: store, clock: configuration.clock, ids: configuration.ids, settings: configuration.settings))
        let authenticator = Authenticator(
            keys: configuration.keys, clock: configuration.clock, nonces: controls.nonces,
            rateLimiter: configuration.rateLimit.map { RateLimiter(requestsPerSecond: $0, clock: configuration.clock) })
        router.group()
            // One middleware value of a fixed type (the builder composes them): a single dynamic call per request.
            // The RPC route's middleware, all of it, is added here.
            .addMiddleware {
                RequestObserverMiddleware(observers: controls.observers, clock: configuration.clock)
                RPCEnvelopeMiddleware(table: .standard, ids: configuration.ids, limits: configuration.limits, logger: configuration.logger)
                authenticator
                FaultMiddleware(
                    book: controls.faults, store: configuration.store, metrics: controls.metrics,
                    changed: FaultChanges(book: controls.faults, store: configuration.store, logger: configuration.logger))
            }
            .on("/", method: .get, responder: rpc)
            .on("/", method: .post, responder: rpc)
        ControlRoutes(
            store: store, clock: configuration.clock, ids: configuration.ids, settings: configuration.settings,
            adminToken: configuration.adminToken, keys: configuration.keys, faults: controls.faults, journal: controls.journal,
            metrics: controls.metrics, nonceCacheEntries: { controls.nonceCacheEntries }, failover: controls.failover,
            logger: configuration.logger
        ).add(to: router)
        // Added after every route, router middleware wraps only the router's not-found responder: no matched
        // request passes through it. Whatever else answers unmatched paths (files compiled into the binary,
        // say, as a `FileMiddleware`) goes after it, so that what that does not answer still gets this 404.
        router.add(middleware: UnmatchedRouteMiddleware(ids: configuration.ids, logger: configuration.logger))
        return router
    }
}
