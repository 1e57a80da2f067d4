/// What a HaVip is associated with; never a mix.
public enum AssociatedInstanceType: String, Sendable, CaseIterable, SQLConvertible {
    case ecsInstance = "EcsInstance"
    case networkInterface = "NetworkInterface"
}
