import Metrics
import Prometheus

/// One application's Prometheus registry and the swift-metrics factory that records into it (swift-prometheus).
final class PrometheusExposition: Sendable {
    /// The media type of Prometheus' text format.
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// Request and transaction latencies: havip answers in well under a millisecond to a few seconds.
    static let latencyBuckets: [Duration] = [
        .microseconds(100), .microseconds(250), .microseconds(500), .milliseconds(1), .milliseconds(2.5), .milliseconds(5),
        .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
        .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
    ]

    private let registry: PrometheusCollectorRegistry
    let factory: any MetricsFactory

    /// `durationBuckets`: the timers (histograms) that take ``latencyBuckets``.
    init(durationBuckets: [String]) {
        let registry = PrometheusCollectorRegistry()
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        for label in durationBuckets { factory.durationHistogramBuckets[label] = Self.latencyBuckets }
        self.factory = factory
    }

    /// Every metric in Prometheus' text format.
    func render() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
