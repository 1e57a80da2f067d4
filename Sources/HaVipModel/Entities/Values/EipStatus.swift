/// The status of an elastic IP address. havip binds and unbinds at once, so an EIP is `Available` or
/// `InUse`; the other statuses are the real service's, accepted as filters.
public enum EipStatus: String, Sendable, CaseIterable, SQLConvertible {
    case available = "Available"
    case associating = "Associating"
    case inUse = "InUse"
    case unassociating = "Unassociating"
    case releasing = "Releasing"
}
