import HTTPTypes
import HaVipModel
import Hummingbird

/// `GET /metrics`: this node's metrics in Prometheus' text format (``ServerMetrics``), open to anyone like
/// health: Prometheus scrapes it at its default path. Outside `/_havip/` so that no scrape configuration needs
/// a path, but added by the control routes and answered by nothing of the RPC route (which is `/` only).
extension ControlRoutes {
    func addMetrics(_ metrics: ServerMetrics, to router: Router<HaVipRequestContext>) {
        router.get("metrics") { _, _ in await metricsText(metrics) }
    }

    /// The HaVips by status are one grouped count read now; when the store does not answer, the other
    /// metrics are still served, the HaVip gauges keep their last values and `havip_store_up` is 0.
    private func metricsText(_ metrics: ServerMetrics) async -> Response {
        let counts = try? await store.read { tx in try OverviewOperations.haVipsByStatus(tx) }
        let text = metrics.render(haVipsByStatus: counts, nonceCacheEntries: nonceCacheEntries())
        return Response(
            status: .ok, headers: [.contentType: PrometheusExposition.contentType], body: .init(byteBuffer: ByteBuffer(bytes: text)))
    }
}
