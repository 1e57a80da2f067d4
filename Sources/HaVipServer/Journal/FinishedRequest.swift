import HaVipModel
import RPCWire

/// One RPC request once answered, as ``RequestObserverMiddleware`` hands it to every ``RequestObserver``
/// (the journal; a request log or metrics the same way).
struct FinishedRequest: Sendable {
    /// When it arrived, seconds since 1970.
    let time: Double
    /// The action, once the request named one the table knows.
    let action: String?
    let product: Product?
    /// The caller's account, once authenticated.
    let account: AccountID?
    /// Every parameter as it arrived, signatures and secrets included: ``SecretParameters`` removes them
    /// before anything is shown.
    let parameters: [(name: String, value: String)]?
    let status: Int
    /// The error code of a failure; nil for a success.
    let code: String?
    let durationSeconds: Double
    let requestId: String

    /// `RegionId`, as the request last gave it.
    var region: String? { parameters?.last { $0.name == "RegionId" }?.value }
}

/// Something that sees every finished RPC request. Called on the request's own task after its answer is
/// ready: it must be quick and must not block.
protocol RequestObserver: Sendable {
    func observe(_ request: FinishedRequest)
}
