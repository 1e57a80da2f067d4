import HaVipModel
import RPCWire

/// ECS `CreateSecurityGroup` in a VPC.
enum CreateSecurityGroup: RPCAction {
    static let name = "CreateSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let vpcId = try parameters.required("VpcId")
        let name = parameters["SecurityGroupName"]
        let description = parameters["Description"]
        let group = parameters.optional("ResourceGroupId")
        return try await call.write(region, idempotent: true) { tx, context in
            let created = try ComputeOperations.createSecurityGroup(
                tx, context, vpcId: vpcId, name: name, description: description, resourceGroupId: group)
            return RPCResponse([.init("SecurityGroupId", .string(created.id))])
        }
    }
}
