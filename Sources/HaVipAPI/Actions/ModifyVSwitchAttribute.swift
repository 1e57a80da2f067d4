import HaVipModel
import RPCWire

/// VPC `ModifyVSwitchAttribute`: name and description. `RegionId` is optional: without it, the vSwitch's own
/// region.
enum ModifyVSwitchAttribute: RPCAction {
    static let name = "ModifyVSwitchAttribute"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("VSwitchId")
        let region = try await call.region(orRegionOf: VSwitch.self, id: id, notFound: .vSwitchNotFound)
        let (name, description) = (parameters.optional("VSwitchName"), parameters.optional("Description"))
        return try await call.write(region) { tx, context in
            try NetworkOperations.modifyVSwitch(tx, context, id: id, name: name, description: description)
            return RPCResponse()
        }
    }
}
