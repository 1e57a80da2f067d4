import HaVipModel
import Logging

/// The state the control API shares with the RPC route, made once per application: this node's copy of
/// the faults, its request journal, its metrics, the nonces it remembers, what observes finished requests,
/// and the failover driver.
struct Controls: Sendable {
    let faults: FaultBook
    let journal: RequestJournal?
    /// nil when `--no-metrics` turned them off.
    let metrics: ServerMetrics?
    /// Where signature nonces are remembered: this node's cache in front of the store.
    let nonces: NonceLedger
    let failover: any FailoverDriver
    /// Everything that sees each finished RPC request: the journal (unless turned off), the request log (at
    /// `info` and below), the metrics, and what wants to know of successes (the data plane).
    let observers: [any RequestObserver]

    init(_ configuration: ServerConfiguration) {
        faults = FaultBook(store: configuration.store)
        journal = configuration.journalCapacity > 0 ? RequestJournal(capacity: configuration.journalCapacity) : nil
        metrics = configuration.metricsEnabled ? ServerMetrics() : nil
        nonces = NonceLedger(store: configuration.store, clock: configuration.clock, capacity: configuration.nonceCapacity)
        failover = configuration.failover ?? ModelFailover(store: configuration.store, clock: configuration.clock)
        var observers: [any RequestObserver] = journal.map { [$0] } ?? []
        if configuration.logger.logLevel <= .info { observers.append(RequestLog(logger: configuration.logger)) }
        if let metrics { observers.append(metrics) }
        if let call = configuration.afterSuccessfulRequest { observers.append(SuccessObserver(call: call)) }
        self.observers = observers
    }

    /// How many nonce digests this node's cache holds (the store holds every node's).
    var nonceCacheEntries: Int? { nonces.cache.count }

    /// The store as the routes use it: the same store, each transaction measured (unless metrics are off).
    func meteredStore(_ configuration: ServerConfiguration) -> any HaVipStore {
        metrics.map { MeteredStore(store: configuration.store, metrics: $0) } ?? configuration.store
    }

    /// The service that keeps ``faults`` current while the server runs.
    func watcher(_ configuration: ServerConfiguration) -> FaultWatcher {
        FaultWatcher(book: faults, store: configuration.store, pollInterval: configuration.faultPollInterval, logger: configuration.logger)
    }
}
