import HaVipModel
import RPCWire

/// ECS `JoinSecurityGroup`: an instance joins a group of its VPC (RegionId optional: libcloud sends none).
enum JoinSecurityGroup: RPCAction {
    static let name = "JoinSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let instanceId = try call.parameters.required("InstanceId")
        let groupId = try call.parameters.required("SecurityGroupId")
        let region = try await call.region(orRegionOf: Instance.self, id: instanceId, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.joinSecurityGroup(tx, context, instanceId: instanceId, groupId: groupId)
            return RPCResponse()
        }
    }
}
