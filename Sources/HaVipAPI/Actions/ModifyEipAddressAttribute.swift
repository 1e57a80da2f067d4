import HaVipModel
import RPCWire

/// VPC `ModifyEipAddressAttribute`: bandwidth, name and description. `RegionId` is optional: without it, the
/// EIP's own region.
enum ModifyEipAddressAttribute: RPCAction {
    static let name = "ModifyEipAddressAttribute"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("AllocationId")
        let region = try await call.region(orRegionOf: Eip.self, id: id, notFound: .eipNotFound)
        let (bandwidth, name, description) = (parameters.optional("Bandwidth"), parameters.optional("Name"), parameters.optional("Description"))
        return try await call.write(region) { tx, context in
            try EipOperations.modify(tx, context, allocationId: id, bandwidth: bandwidth, name: name, description: description)
            return RPCResponse()
        }
    }
}
