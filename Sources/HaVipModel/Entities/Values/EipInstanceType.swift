/// What an elastic IP address can be bound to in havip.
public enum EipInstanceType: String, Sendable, CaseIterable, SQLConvertible {
    case ecsInstance = "EcsInstance"
    case haVip = "HaVip"
}
