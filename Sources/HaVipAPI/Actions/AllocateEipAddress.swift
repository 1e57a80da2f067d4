import HaVipModel
import RPCWire

/// VPC `AllocateEipAddress`: a public address from the emulated pool.
enum AllocateEipAddress: RPCAction {
    static let name = "AllocateEipAddress"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let bandwidth = parameters.optional("Bandwidth")
        let internetChargeType = parameters.optional("InternetChargeType")
        let instanceChargeType = parameters.optional("InstanceChargeType")
        let name = parameters["Name"]
        let description = parameters["Description"]
        let group = parameters.optional("ResourceGroupId")
        let tags = try parameters.tags()
        return try await call.write(region, idempotent: true) { tx, context in
            let eip = try EipOperations.allocate(
                tx, context, bandwidth: bandwidth, internetChargeType: internetChargeType, instanceChargeType: instanceChargeType, name: name,
                description: description, resourceGroupId: group, tags: tags)
            return RPCResponse([
                .init("ResourceGroupId", .string(eip.resourceGroupId)), .init("AllocationId", .string(eip.id)),
                .init("EipAddress", .string(eip.ipAddress)), .init("OrderId", ""),
            ])
        }
    }
}
