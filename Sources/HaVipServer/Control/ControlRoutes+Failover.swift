import HaVipModel
import Hummingbird

/// `POST /_havip/havips/{HaVipId}/failover {"to": "i-…"}`: through the ``FailoverDriver`` (the model's, or
/// the data plane's).
extension ControlRoutes {
    func addFailover(to group: RouterGroup<HaVipRequestContext>) {
        group.post("havips/:id/failover") { request, context in try await failover(request, haVipId: try Self.parameter("id", context)) }
    }

    /// `{"to": "i-…", "account"?: "A"}` → `{"haVipId", "masterInstanceId"}`. `account` is needed only when two
    /// accounts have a HaVip of that ID.
    private func failover(_ request: Request, haVipId: String) async throws -> Response {
        let body = try await ControlBody.read(request).only(["to", "account"])
        let target = try body.requiredString("to")
        let haVip = try await failover.failover(
            FailoverRequest(account: try body.string("account").map(AccountID.init), haVipId: haVipId, target: target))
        return try Self.json(.ok, FailoverAnswer(haVipId: haVip.id, masterInstanceId: haVip.masterInstanceId ?? target))
    }
}

struct FailoverAnswer: Encodable {
    let haVipId: String
    let masterInstanceId: String
}
