/// The status of a custom route entry: `Pending → Available` after CreateRouteEntry (DeleteRouteEntry removes
/// it at once).
public enum RouteEntryStatus: String, Sendable, CaseIterable, SQLConvertible {
    case pending = "Pending"
    case available = "Available"
}
