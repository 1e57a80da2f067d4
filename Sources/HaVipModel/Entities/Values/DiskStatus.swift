/// The status of a cloud disk. A system disk is `In_use` for as long as its instance exists; the other
/// statuses are the real service's, accepted as filters.
public enum DiskStatus: String, Sendable, CaseIterable, SQLConvertible {
    case inUse = "In_use"
    case available = "Available"
    case attaching = "Attaching"
    case detaching = "Detaching"
    case creating = "Creating"
    case reIniting = "ReIniting"
}
