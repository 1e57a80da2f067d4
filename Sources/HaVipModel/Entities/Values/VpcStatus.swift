/// The status of a VPC; havip creates them `Available` at once (`Pending` is the real service's, accepted as a value).
public enum VpcStatus: String, Sendable, CaseIterable, SQLConvertible {
    case pending = "Pending"
    case available = "Available"
}
