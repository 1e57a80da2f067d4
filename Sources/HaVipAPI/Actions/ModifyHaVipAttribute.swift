import HaVipModel
import RPCWire

/// VPC `ModifyHaVipAttribute`: name and description.
enum ModifyHaVipAttribute: RPCAction {
    static let name = "ModifyHaVipAttribute"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("HaVipId")
        let name = parameters["Name"]
        let description = parameters["Description"]
        return try await call.write(region) { tx, context in
            try HaVipOperations.modify(tx, context, id: id, name: name, description: description)
            return RPCResponse()
        }
    }
}
