/// The status of a vSwitch; havip creates them `Available` at once (`Pending` is the real service's, accepted as a value).
public enum VSwitchStatus: String, Sendable, CaseIterable, SQLConvertible {
    case pending = "Pending"
    case available = "Available"
}
