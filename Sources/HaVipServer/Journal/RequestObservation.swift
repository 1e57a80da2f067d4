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
        /// The request's parameters as they arrived (the pairs only: the journal keeps them, and the pairs
        /// share their storage with the request's own).
        var parameters: [(name: String, value: String)]?
        var account: AccountID?
    }

    private let learned = Mutex(Learned())

    /// What has been learned so far.
    var current: Learned { learned.withLock { $0 } }

    /// The request's ID, then (once decoded) its action and parameters: ``RPCEnvelopeMiddleware``.
    func opened(requestId: String, action: (any RPCAction.Type)? = nil, parameters: [(name: String, value: String)]? = nil) {
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
