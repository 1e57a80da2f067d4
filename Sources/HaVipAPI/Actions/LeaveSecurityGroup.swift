import HaVipModel
import RPCWire

/// ECS `LeaveSecurityGroup`: an instance leaves one of its groups, never its last (RegionId optional).
enum LeaveSecurityGroup: RPCAction {
    static let name = "LeaveSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let instanceId = try call.parameters.required("InstanceId")
        let groupId = try call.parameters.required("SecurityGroupId")
        let region = try await call.region(orRegionOf: Instance.self, id: instanceId, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.leaveSecurityGroup(tx, context, instanceId: instanceId, groupId: groupId)
            return RPCResponse()
        }
    }
}
