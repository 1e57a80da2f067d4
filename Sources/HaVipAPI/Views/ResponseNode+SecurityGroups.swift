import HaVipModel
import RPCWire

/// Security groups and their rules, each object's fields in the real service's wire order.
extension ResponseNode {
    /// A DescribeSecurityGroups item (14 fields).
    static func securityGroup(_ view: SecurityGroupView) -> ResponseNode {
        let group = view.group
        return .object([
            .init("RuleCount", .int(view.ruleCount)),
            .init("EcsCount", .int(view.instanceCount)),
            .init("Description", .string(group.description)),
            .init("SecurityGroupName", .string(group.name)),
            .init("ResourceGroupId", .string(group.resourceGroupId)),
            .init("ServiceManaged", .bool(false)),
            .init("SecurityGroupId", .string(group.id)),
            .init("SecurityGroupType", "normal"),
            .init("AvailableInstanceAmount", .int(view.availableInstanceAmount)),
            .init("ServiceID", .int(0)),
            .init("VpcId", .string(group.vpcId)),
            .init("GroupToGroupRuleCount", .int(view.groupToGroupRuleCount)),
            .init("CreationTime", .time(group.createdAt)),
            .init("Tags", .ecsTags(view.tags)),
        ])
    }

    /// A `Permissions.Permission` item of DescribeSecurityGroupAttribute (22 fields, all strings): the
    /// peer is the source of an ingress rule and the destination of an egress one.
    static func permission(_ rule: SecurityGroupRule, peerNames: [String: String]) -> ResponseNode {
        let ingress = rule.direction == .ingress
        let peerName = peerNames[rule.peerGroupId] ?? ""
        return .object([
            .init("Policy", .string(rule.policy.rawValue)),
            .init("SourceGroupId", .string(ingress ? rule.peerGroupId : "")),
            .init("Description", .string(rule.description)),
            .init("SourcePortRange", .string(rule.sourcePortRange)),
            .init("Priority", .string(String(rule.priority))),
            .init("CreateTime", .time(rule.createdAt)),
            .init("Ipv6SourceCidrIp", ""),
            .init("NicType", .string(rule.nicType.rawValue)),
            .init("DestGroupId", .string(ingress ? "" : rule.peerGroupId)),
            .init("Direction", .string(rule.direction.rawValue)),
            .init("SourceGroupName", .string(ingress ? peerName : "")),
            .init("PortRange", .string(rule.portRange)),
            .init("DestGroupOwnerAccount", .string(ingress || rule.peerGroupId.isEmpty ? "" : rule.account.rawValue)),
            .init("DestPrefixListId", ""),
            .init("SourceCidrIp", .string(ingress ? rule.cidrIp : "")),
            .init("IpProtocol", .string(rule.ipProtocol.rawValue)),
            .init("DestCidrIp", .string(ingress ? "" : rule.cidrIp)),
            .init("DestGroupName", .string(ingress ? "" : peerName)),
            .init("SecurityGroupRuleId", .string(rule.id)),
            .init("Ipv6DestCidrIp", ""),
            .init("SourceGroupOwnerAccount", .string(ingress && !rule.peerGroupId.isEmpty ? rule.account.rawValue : "")),
            .init("SourcePrefixListId", ""),
        ])
    }
}
