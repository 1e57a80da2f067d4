/// Which traffic a security group rule is about: into the group's instances or out of them.
public enum RuleDirection: String, Sendable, CaseIterable, SQLConvertible {
    case ingress
    case egress
}
