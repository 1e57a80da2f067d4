/// What a HaVip is associated with; never a mix.
public enum AssociatedInstanceType: String, Sendable, CaseIterable {
    case ecsInstance = "EcsInstance"
    case networkInterface = "NetworkInterface"
}
