/// The status of an ENI: attached to an instance or not (havip attaches and detaches at once).
public enum NetworkInterfaceStatus: String, Sendable, CaseIterable, SQLConvertible {
    case available = "Available"
    case inUse = "InUse"
}
