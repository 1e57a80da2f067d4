import HaVipAPI
import HaVipModel
import Hummingbird
import RPCWire

/// What havip knows of one request as it passes the router's middleware: Hummingbird's core context, and on
/// the RPC route the request ID, the answer's format, the decoded request and its action once they are
/// known, and the authenticated caller.
///
/// A value, copied into each middleware's `next` call: what an inner middleware learns does not flow back
/// out. That is why an RPC failure carries a copy of the context it was known in (``RPCErrorEnvelope``), and
/// why what the outermost middleware must know of a success travels in ``observation``, a shared box.
struct HaVipRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// `RequestId` in every RPC answer and its `x-acs-request-id` header; empty outside the RPC answers.
    var requestId = ""
    /// How the RPC answer is rendered: JSON until the request's `Format` has been read.
    var format = ResponseFormat.json
    /// The request's query and form body, decoded; nil until ``RPCEnvelopeMiddleware`` has read them.
    var rpc: IncomingRPCRequest?
    /// The action the request names, once found in the action table.
    var action: (any RPCAction.Type)?
    /// The product the request is for as far as known (its action's; before that its version's, else the one
    /// product with an action of its name; `Vpc` when nothing tells): the product an error's `Recommend` names.
    var product = Product.vpc
    /// The key the request was signed with, once ``Authenticator`` has checked it.
    var caller: AccessKey?
    /// Where the RPC route's middleware also write what they learn, for ``RequestObserverMiddleware`` (outside
    /// them) to read when the request is finished; nil off the RPC route.
    var observation: RequestObservation?

    init(source: Source) {
        self.coreContext = .init(source: source)
    }
}
