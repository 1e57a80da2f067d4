import HaVipAPI
import HaVipModel
import RPCWire
import Synchronization

/// What the RPC route learns of one request as it goes, shared by reference with the middleware that
/// observes it finish (``RequestObserverMiddleware``): the context is a value, so what an inner middleware
/// learns (the action, the caller) would otherwise never reach an outer one. One allocation per request.
final class RequestObservation: Sendable {
    struct Learned {
        var requestId = ""
        var action: (any RPCAction.Type)?
        var parameters: Parameters?
        var account: AccountID?
    }

    private let learned = Mutex(Learned())

    /// What has been learned so far.
    var current: Learned { learned.withLock { $0 } }

    /// The request's ID, then (once decoded) its action and parameters: ``RPCEnvelopeMiddleware``.
    func opened(requestId: String, action: (any RPCAction.Type)? = nil, parameters: Parameters? = nil) {
        learned.withLock { learned in
            learned.requestId = requestId
            learned.action = action
            learned.parameters = parameters
        }
    }

    /// The caller's account: ``Authenticator``.
    func authenticated(_ account: AccountID) {
        learned.withLock { $0.account = account }
    }
}
