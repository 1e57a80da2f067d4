import HaVipModel
import RPCWire

/// ECS `AuthorizeSecurityGroup`: an ingress rule (from `SourceCidrIp` or `SourceGroupId`).
enum AuthorizeSecurityGroup: RPCAction {
    static let name = "AuthorizeSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let (region, groupId, rule) = try call.parameters.ruleRequest(.ingress)
        return try await call.write(region, idempotent: true) { tx, context in
            try ComputeOperations.authorize(tx, context, groupId: groupId, rule)
            return RPCResponse()
        }
    }
}

extension Parameters {
    /// The rule an Authorize/Revoke request names: the peer is `Source…` for ingress, `Dest…` for egress.
    func ruleRequest(_ direction: RuleDirection) throws(APIError) -> (Region, String, ComputeOperations.RuleRequest) {
        let region = try region()
        let groupId = try required("SecurityGroupId")
        guard let ipProtocol = IPProtocol(wireValue: try required("IpProtocol")) else { throw .ipProtocolNotSupported }
        let policy = try optional("Policy").map { text throws(APIError) in
            guard let policy = RulePolicy(wireValue: text) else { throw .policyMalformed }
            return policy
        }
        let nicType: NicType? = try wireValue("NicType", error: .nicTypeNotSupported)
        let priority = try number("Priority", error: .priorityMalformed) ?? 1
        let peer = direction == .ingress ? "Source" : "Dest"
        let rule = ComputeOperations.RuleRequest(
            direction: direction, ipProtocol: ipProtocol, portRange: try required("PortRange"), sourcePortRange: optional("SourcePortRange"),
            nicType: nicType, policy: policy ?? .accept, priority: priority, cidrIp: optional(peer + "CidrIp"),
            peerGroupId: optional(peer + "GroupId"), description: self["Description"])
        return (region, groupId, rule)
    }
}
