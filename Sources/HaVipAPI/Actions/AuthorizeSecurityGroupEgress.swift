import HaVipModel
import RPCWire

/// ECS `AuthorizeSecurityGroupEgress`: an egress rule (to `DestCidrIp` or `DestGroupId`).
enum AuthorizeSecurityGroupEgress: RPCAction {
    static let name = "AuthorizeSecurityGroupEgress"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let (region, groupId, rule) = try call.parameters.ruleRequest(.egress)
        return try await call.write(region, idempotent: true) { tx, context in
            try ComputeOperations.authorize(tx, context, groupId: groupId, rule)
            return RPCResponse()
        }
    }
}
