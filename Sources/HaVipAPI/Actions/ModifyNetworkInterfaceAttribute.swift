import HaVipModel
import RPCWire

/// ECS `ModifyNetworkInterfaceAttribute`: an ENI's name, description and security groups (`SecurityGroupId.N`).
enum ModifyNetworkInterfaceAttribute: RPCAction {
    static let name = "ModifyNetworkInterfaceAttribute"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("NetworkInterfaceId")
        let (name, description) = (parameters["NetworkInterfaceName"], parameters["Description"])
        let groups = try parameters.ids("SecurityGroupId", max: 5, error: .instanceSecurityGroupLimit)
        return try await call.write(region) { tx, context in
            try ComputeOperations.modifyNetworkInterface(tx, context, id: id, name: name, description: description, securityGroupIds: groups)
            return RPCResponse()
        }
    }
}
