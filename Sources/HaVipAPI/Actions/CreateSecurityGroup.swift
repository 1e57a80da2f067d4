import HaVipModel
import RPCWire

/// ECS `CreateSecurityGroup`: in a VPC, or without `VpcId` a classic-network group (which no instance or
/// ENI in a vSwitch can use: docs/compatibility.md).
enum CreateSecurityGroup: RPCAction {
    static let name = "CreateSecurityGroup"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let vpcId = parameters.optional("VpcId")
        let name = parameters["SecurityGroupName"]
        let description = parameters["Description"]
        let group = parameters.optional("ResourceGroupId")
        let tags = try parameters.ecsTags()
        return try await call.write(region, idempotent: true) { tx, context in
            let created = try ComputeOperations.createSecurityGroup(
                tx, context, vpcId: vpcId, name: name, description: description, resourceGroupId: group, tags: tags)
            return RPCResponse([.init("SecurityGroupId", .string(created.id))])
        }
    }
}
