import HaVipModel
import RPCWire

/// ECS `CreateNetworkInterface`: a secondary ENI in a vSwitch.
enum CreateNetworkInterface: RPCAction {
    static let name = "CreateNetworkInterface"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let vSwitchId = try parameters.required("VSwitchId")
        let groups = try parameters.securityGroupIds()
        let address = parameters.optional("PrimaryIpAddress")
        let name = parameters["NetworkInterfaceName"]
        let description = parameters["Description"]
        let resourceGroupId = parameters.optional("ResourceGroupId")
        let tags = try parameters.ecsTags()
        return try await call.write(region, idempotent: true) { tx, context in
            let eni = try ComputeOperations.createNetworkInterface(
                tx, context, vSwitchId: vSwitchId, securityGroupIds: groups, primaryIpAddress: address, name: name, description: description,
                resourceGroupId: resourceGroupId, tags: tags)
            return RPCResponse.createdNetworkInterface(eni, tags: tags)
        }
    }
}
