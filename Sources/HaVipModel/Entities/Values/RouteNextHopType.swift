/// What a custom route entry's next hop is, by its wire name (`NextHopType`).
public enum RouteNextHopType: String, Sendable, CaseIterable, SQLConvertible {
    case haVip = "HaVip"
    case instance = "Instance"
    case networkInterface = "NetworkInterface"
}
