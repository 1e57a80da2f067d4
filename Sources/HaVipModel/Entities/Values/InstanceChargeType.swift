/// How an ECS instance is billed. havip makes no orders: a subscription (`PrePaid`) instance is kept and
/// shown as such, and nothing else differs.
public enum InstanceChargeType: String, Sendable, CaseIterable, SQLConvertible {
    case postPaid = "PostPaid"
    case prePaid = "PrePaid"
}
