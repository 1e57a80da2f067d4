import HaVipModel
import RPCWire

/// ECS `RevokeSecurityGroupEgress`: removes the egress rule the parameters name.
enum RevokeSecurityGroupEgress: RPCAction {
    static let name = "RevokeSecurityGroupEgress"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let (region, groupId, rule) = try call.parameters.ruleRequest(.egress)
        return try await call.write(region, idempotent: true) { tx, context in
            try ComputeOperations.revoke(tx, context, groupId: groupId, rule)
            return RPCResponse()
        }
    }
}
