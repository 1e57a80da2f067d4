/// One rule of a security group (AuthorizeSecurityGroup and its egress twin): a protocol and port range,
/// a peer (an address range or another group) and a policy.
public struct SecurityGroupRule: Equatable, Sendable {
    /// `sgr-…`.
    public var id: String
    public var account: AccountID
    public var securityGroupId: String
    public var direction: RuleDirection
    public var ipProtocol: IPProtocol
    /// `from/to`, e.g. `22/22`; `-1/-1` for a protocol without ports.
    public var portRange: String
    /// Empty when not given.
    public var sourcePortRange: String
    public var nicType: NicType
    public var policy: RulePolicy
    /// 1 (first) to 100.
    public var priority: Int
    /// The address range traffic comes from (ingress) or goes to (egress); empty when the peer is a group.
    public var cidrIp: String
    /// The peer security group; empty when the peer is an address range.
    public var peerGroupId: String
    public var description: String
    public var createdAt: Double

    /// Whether two rules are the same rule: everything but the ID, priority, description and time.
    /// Authorizing an existing rule changes nothing; revoking removes the rule that matches.
    public func matches(_ other: SecurityGroupRule) -> Bool {
        (securityGroupId, direction, ipProtocol, portRange, sourcePortRange) == (
            other.securityGroupId, other.direction, other.ipProtocol, other.portRange, other.sourcePortRange
        ) && (nicType, policy, cidrIp, peerGroupId) == (other.nicType, other.policy, other.cidrIp, other.peerGroupId)
    }
}

extension SecurityGroupRule: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "security_group_rules", columns: column,
        blank: SecurityGroupRule(
            id: "", account: AccountID(""), securityGroupId: "", direction: .ingress, ipProtocol: .all, portRange: "", sourcePortRange: "",
            nicType: .intranet, policy: .accept, priority: 1, cidrIp: "", peerGroupId: "", description: "", createdAt: 0))

    /// The columns of `security_group_rules`.
    public final class Columns: Sendable {
        public let id = Column(\SecurityGroupRule.id, "id")
        public let account = Column(\SecurityGroupRule.account, "account")
        public let securityGroupId = Column(\SecurityGroupRule.securityGroupId, "security_group_id")
        public let direction = Column(\SecurityGroupRule.direction, "direction")
        public let ipProtocol = Column(\SecurityGroupRule.ipProtocol, "ip_protocol")
        public let portRange = Column(\SecurityGroupRule.portRange, "port_range")
        public let sourcePortRange = Column(\SecurityGroupRule.sourcePortRange, "source_port_range")
        public let nicType = Column(\SecurityGroupRule.nicType, "nic_type")
        public let policy = Column(\SecurityGroupRule.policy, "policy")
        public let priority = Column(\SecurityGroupRule.priority, "priority")
        public let cidrIp = Column(\SecurityGroupRule.cidrIp, "cidr_ip")
        public let peerGroupId = Column(\SecurityGroupRule.peerGroupId, "peer_group_id")
        public let description = Column(\SecurityGroupRule.description, "description")
        public let createdAt = Column(\SecurityGroupRule.createdAt, "created_at")
    }
}
