import HaVipModel
import RPCWire

/// VPC `MoveResourceGroup` for HaVips (`HaVip`/`HAVIP`, any case), VPCs, vSwitches and EIPs.
enum MoveResourceGroup: RPCAction {
    static let name = "MoveResourceGroup"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let type = try ResourceType(wireName: parameters.required("ResourceType"))
        let id = try parameters.required("ResourceId")
        let group = try parameters.required("NewResourceGroupId")
        return try await call.write(region) { tx, context in
            try TagOperations.moveResourceGroup(tx, context, resourceType: type, resourceId: id, newResourceGroupId: group)
            return RPCResponse()
        }
    }
}
