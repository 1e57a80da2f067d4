/// The status of a HaVip. `Creating → Available`, `Associating → InUse`,
/// `Unassociating → InUse | Available`, `Deleting → gone`.
public enum HaVipStatus: String, Sendable, CaseIterable, SQLConvertible {
    case creating = "Creating"
    case available = "Available"
    case associating = "Associating"
    case inUse = "InUse"
    case unassociating = "Unassociating"
    case deleting = "Deleting"
    /// Never shown: the target of `Deleting`, after which the row is removed.
    case deleted = "Deleted"
}
