import HaVipModel
import RPCWire

extension APIError {
    /// The catalogue entry for a request that broke the RPC encoding rules: the layer that decodes
    /// requests maps the protocol's errors to the catalogue's.
    public init(_ wireError: WireError) {
        switch wireError {
        case .malformed(let detail): self = .malformedRequest(detail)
        case .tooLarge(let detail): self = .requestTooLarge(detail)
        case .invalidListIndex(let name): self = .invalidParameter(name)
        }
    }
}
