import HaVipModel

/// The state the control API shares with the RPC route, made once per application: this node's copy of
/// the faults, its request journal, what observes finished requests, and the failover driver.
struct Controls: Sendable {
    let faults: FaultBook
    let journal: RequestJournal?
    let failover: any FailoverDriver
    let afterSuccessfulRequest: (@Sendable () -> Void)?

    init(_ configuration: ServerConfiguration) {
        faults = FaultBook(store: configuration.store)
        journal = configuration.journalCapacity > 0 ? RequestJournal(capacity: configuration.journalCapacity) : nil
        failover = configuration.failover ?? ModelFailover(store: configuration.store, clock: configuration.clock)
        afterSuccessfulRequest = configuration.afterSuccessfulRequest
    }

    /// Everything that sees each finished RPC request (the journal, and what wants to know of successes: the data
    /// plane; a request log or metrics would join them).
    var observers: [any RequestObserver] {
        (journal.map { [$0] } ?? []) + (afterSuccessfulRequest.map { [SuccessObserver(call: $0)] } ?? [])
    }

    /// The service that keeps ``faults`` current while the server runs.
    func watcher(_ configuration: ServerConfiguration) -> FaultWatcher {
        FaultWatcher(book: faults, store: configuration.store, pollInterval: configuration.faultPollInterval, logger: configuration.logger)
    }
}
