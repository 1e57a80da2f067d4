import HaVipModel
import Metrics
import Synchronization

/// What havip measures, through swift-metrics into this application's own Prometheus registry
/// (``PrometheusExposition``; no global `MetricsSystem.bootstrap`, so every application, a test's included,
/// counts only its own requests). `GET /metrics` renders it (docs/observability.md):
/// - `havip_requests_total{action, status, code}`: RPC requests answered (`code` empty for a success);
/// - `havip_request_duration_seconds{action}`: their latency, a histogram;
/// - `havip_store_transaction_duration_seconds{kind}` and `havip_store_transaction_retries_total{kind}`:
///   the store's read and write transactions made for requests, and how often one ran again after a conflict;
/// - `havip_faults_fired_total{action, code}`: requests an injected fault answered or delayed;
/// - `havip_havips{status}`, `havip_store_up` and `havip_nonce_cache_entries`: gauges read when scraped.
///
/// A request's instruments are looked up once per (action, status, code) and kept: a finished request costs
/// one lock and two atomic updates.
public final class ServerMetrics: Sendable {
    let exposition: PrometheusExposition
    private let factory: any MetricsFactory
    private let requests = Mutex<[RequestKey: RequestInstruments]>([:])
    private let faults = Mutex<[FaultKey: Counter]>([:])
    private let transactionTimers: [StoreTransactionKind: Timer]
    private let transactionRetries: [StoreTransactionKind: Counter]

    private struct RequestKey: Hashable {
        let action: String
        let status: Int
        let code: String
    }

    private struct RequestInstruments: Sendable {
        let count: Counter
        let duration: Timer
    }

    private struct FaultKey: Hashable {
        let action: String
        let code: String
    }

    static let requestsTotal = "havip_requests_total"
    static let requestDuration = "havip_request_duration_seconds"
    static let transactionDuration = "havip_store_transaction_duration_seconds"
    static let transactionRetriesTotal = "havip_store_transaction_retries_total"
    static let faultsFired = "havip_faults_fired_total"
    static let haVips = "havip_havips"
    static let nonceCacheEntries = "havip_nonce_cache_entries"
    static let storeUp = "havip_store_up"

    public init() {
        let exposition = PrometheusExposition(durationBuckets: [Self.requestDuration, Self.transactionDuration])
        self.exposition = exposition
        let factory = exposition.factory
        self.factory = factory
        transactionTimers = Dictionary(
            uniqueKeysWithValues: StoreTransactionKind.allCases.map {
                ($0, Timer(label: Self.transactionDuration, dimensions: [("kind", $0.rawValue)], factory: factory))
            })
        transactionRetries = Dictionary(
            uniqueKeysWithValues: StoreTransactionKind.allCases.map {
                ($0, Counter(label: Self.transactionRetriesTotal, dimensions: [("kind", $0.rawValue)], factory: factory))
            })
    }

    /// One RPC request answered. `action` is empty when the request named none the table knows (so that
    /// nothing a client makes up becomes a label).
    func requestFinished(action: String, status: Int, code: String?, seconds: Double) {
        let key = RequestKey(action: action, status: status, code: code ?? "")
        let instruments = requests.withLock { known in
            if let instruments = known[key] { return instruments }
            let made = RequestInstruments(
                count: Counter(
                    label: Self.requestsTotal, dimensions: [("action", key.action), ("status", String(status)), ("code", key.code)],
                    factory: factory),
                duration: Timer(label: Self.requestDuration, dimensions: [("action", key.action)], factory: factory))
            known[key] = made
            return made
        }
        instruments.count.increment()
        instruments.duration.recordSeconds(seconds)
    }

    /// One store transaction made for a request, `retries` times run again after a conflict.
    func transactionFinished(_ kind: StoreTransactionKind, seconds: Double, retries: Int) {
        transactionTimers[kind]?.recordSeconds(seconds)
        if retries > 0 { transactionRetries[kind]?.increment(by: retries) }
    }

    /// An injected fault answered (with its error `code`) or delayed (`code` nil) a request of `action`.
    func faultFired(action: String, code: String?) {
        let key = FaultKey(action: action, code: code ?? "")
        let counter = faults.withLock { known in
            if let counter = known[key] { return counter }
            let made = Counter(label: Self.faultsFired, dimensions: [("action", key.action), ("code", key.code)], factory: factory)
            known[key] = made
            return made
        }
        counter.increment()
    }

    /// The Prometheus text after setting the gauges read at scrape time: HaVips by status (every status, 0
    /// when none has it; left as they were when the store did not answer, nil), whether the store answered,
    /// and the in-memory nonce cache's size (absent when nonces live in the database).
    func render(haVipsByStatus: [HaVipStatus: Int]?, nonceCacheEntries: Int?) -> [UInt8] {
        if let haVipsByStatus {
            for status in HaVipStatus.allCases {
                Gauge(label: Self.haVips, dimensions: [("status", status.rawValue)], factory: factory).record(haVipsByStatus[status] ?? 0)
            }
        }
        Gauge(label: Self.storeUp, factory: factory).record(haVipsByStatus == nil ? 0 : 1)
        if let nonceCacheEntries { Gauge(label: Self.nonceCacheEntries, factory: factory).record(nonceCacheEntries) }
        return exposition.render()
    }
}

/// A store transaction's kind, as the metrics label it.
enum StoreTransactionKind: String, CaseIterable, Sendable {
    case read, write
}

extension ServerMetrics: RequestObserver {
    func observe(_ request: FinishedRequest) {
        requestFinished(action: request.action ?? "", status: request.status, code: request.code, seconds: request.durationSeconds)
    }
}
