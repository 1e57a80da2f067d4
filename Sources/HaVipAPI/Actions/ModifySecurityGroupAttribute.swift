import HaVipModel
import RPCWire

/// ECS `ModifySecurityGroupAttribute`: a group's name and/or description.
enum ModifySecurityGroupAttribute: RPCAction {
    static let name = "ModifySecurityGroupAttribute"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("SecurityGroupId")
        let (name, description) = (parameters["SecurityGroupName"], parameters["Description"])
        return try await call.write(region) { tx, context in
            try ComputeOperations.modifySecurityGroup(tx, context, id: id, name: name, description: description)
            return RPCResponse()
        }
    }
}
