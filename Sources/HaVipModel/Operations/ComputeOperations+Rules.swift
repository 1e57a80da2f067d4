/// Security group rules: AuthorizeSecurityGroup(Egress) adds one (an identical one already there is
/// left as it is, as the real API documents), RevokeSecurityGroup(Egress) removes the one that matches.
extension ComputeOperations {
    /// How many rules (both directions) a group holds at most.
    static let maximumRulesPerGroup = 200

    /// A rule as a request names it. The peer is `cidrIp` or `peerGroupId`: the source of an ingress
    /// rule, the destination of an egress one.
    public struct RuleRequest: Sendable {
        public var direction: RuleDirection
        public var ipProtocol: IPProtocol
        public var portRange: String
        public var sourcePortRange: String?
        /// Nil for the group's kind: `intranet` in a VPC, `internet` in the classic network.
        public var nicType: NicType?
        public var policy: RulePolicy
        public var priority: Int
        public var cidrIp: String?
        public var peerGroupId: String?
        public var description: String?

        public init(
            direction: RuleDirection, ipProtocol: IPProtocol, portRange: String, sourcePortRange: String? = nil, nicType: NicType? = nil,
            policy: RulePolicy = .accept, priority: Int = 1, cidrIp: String? = nil, peerGroupId: String? = nil, description: String? = nil
        ) {
            self.direction = direction
            self.ipProtocol = ipProtocol
            self.portRange = portRange
            self.sourcePortRange = sourcePortRange
            self.nicType = nicType
            self.policy = policy
            self.priority = priority
            self.cidrIp = cidrIp
            self.peerGroupId = peerGroupId
            self.description = description
        }
    }

    /// AuthorizeSecurityGroup / AuthorizeSecurityGroupEgress.
    public static func authorize(_ tx: some StoreTransaction, _ context: OperationContext, groupId: String, _ request: RuleRequest) throws {
        let group = try findSecurityGroup(tx, context, groupId)
        let rule = try checkedRule(tx, context, group: group, request, portRangeError: .portRangeMalformed)
        let existing = try rules(tx, context, of: groupId)
        guard !existing.contains(where: rule.matches) else { return }
        guard existing.count < maximumRulesPerGroup else { throw APIError.ruleLimitExceeded }
        try tx.insert(rule)
    }

    /// RevokeSecurityGroup / RevokeSecurityGroupEgress: removes the matching rule. Revoking a rule that is
    /// not there succeeds, except for a rule naming a peer group (`InvalidGroupAuthItem.NotFound`).
    public static func revoke(_ tx: some StoreTransaction, _ context: OperationContext, groupId: String, _ request: RuleRequest) throws {
        let group = try findSecurityGroup(tx, context, groupId)
        let rule = try checkedRule(tx, context, group: group, request, portRangeError: .portRangeMalformedToRevoke)
        let matching = try rules(tx, context, of: groupId).filter(rule.matches)
        guard !matching.isEmpty || rule.peerGroupId.isEmpty else { throw APIError.groupRuleNotFound }
        for found in matching { try tx.delete(found, account: context.account) }
    }

    /// A group's rules, oldest first.
    public static func rules(_ tx: some StoreTransaction, _ context: OperationContext, of groupId: String) throws -> [SecurityGroupRule] {
        let column = SecurityGroupRule.column
        return try tx.select(
            Query(
                SecurityGroupRule.self, account: context.account, [.equals(column.securityGroupId, groupId)],
                order: [.ascending(column.createdAt), .ascending(column.id)]))
    }

    /// The rule a request describes, its every part checked (the errors name the source for ingress rules
    /// and the destination for egress ones).
    static func checkedRule(
        _ tx: some StoreTransaction, _ context: OperationContext, group: SecurityGroup, _ request: RuleRequest, portRangeError: APIError
    ) throws -> SecurityGroupRule {
        let ingress = request.direction == .ingress
        let portRange = try checkedPortRange(request.portRange, protocol: request.ipProtocol, malformed: portRangeError)
        var sourcePortRange = ""
        if let text = request.sourcePortRange {
            guard Self.ports(text) != nil || text == "-1/-1" else { throw APIError.sourcePortRangeMalformed }
            sourcePortRange = text
        }
        guard (1...100).contains(request.priority) else { throw APIError.priorityNotSupported }
        let description = try Validation.description(request.description, error: .ruleDescriptionMalformed)
        var nicType = request.nicType ?? (group.isClassic ? .internet : .intranet)
        var cidrIp = "", peerGroupId = ""
        if let peer = request.peerGroupId {
            let found = try tx.find(SecurityGroup.self, peer, context, notFound: ingress ? .sourceGroupNotFound : .destinationGroupNotFound)
            guard found.id != group.id else { throw APIError.peerGroupIsSelf }
            guard found.vpcId == group.vpcId else { throw APIError.peerGroupVpcMismatch }
            (peerGroupId, nicType) = (found.id, .intranet)
        } else if let cidr = request.cidrIp {
            guard IPv4CIDR(cidr) != nil || IPv4Address(cidr) != nil else {
                throw ingress ? APIError.sourceCidrMalformed : APIError.destinationCidrMalformed
            }
            cidrIp = cidr
        } else {
            throw ingress ? APIError.ruleSourceMissing : APIError.ruleDestinationMissing
        }
        // A VPC group's rules are all on the internal network, whatever NicType says.
        if !group.isClassic { nicType = .intranet }
        return SecurityGroupRule(
            id: context.ids.resourceId(prefix: "sgr"), account: context.account, securityGroupId: group.id, direction: request.direction,
            ipProtocol: request.ipProtocol, portRange: portRange, sourcePortRange: sourcePortRange, nicType: nicType, policy: request.policy,
            priority: request.priority, cidrIp: cidrIp, peerGroupId: peerGroupId, description: description, createdAt: context.now)
    }

    /// `from/to` with 1 ≤ from ≤ to ≤ 65535 for TCP and UDP, `-1/-1` for the other protocols.
    static func checkedPortRange(_ text: String, protocol ipProtocol: IPProtocol, malformed: APIError) throws -> String {
        if text == "-1/-1" {
            guard !ipProtocol.hasPorts else { throw APIError.portRangeMismatch }
            return text
        }
        guard ports(text) != nil else { throw malformed }
        guard ipProtocol.hasPorts else { throw APIError.portRangeMismatch }
        return text
    }

    /// The two ports of `from/to`, when both are 1 to 65535 and in order.
    static func ports(_ text: String) -> (from: Int, to: Int)? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 5 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let from = Int(parts[0]), let to = Int(parts[1]), 1 <= from, from <= to, to <= 65535
        else { return nil }
        return (from, to)
    }
}
