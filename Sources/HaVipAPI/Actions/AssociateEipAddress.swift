import HaVipModel
import RPCWire

/// VPC `AssociateEipAddress` with `InstanceType` `HaVip` or `EcsInstance` (the default).
enum AssociateEipAddress: RPCAction {
    static let name = "AssociateEipAddress"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("AllocationId")
        let instanceId = try parameters.required("InstanceId")
        let type = parameters.optional("InstanceType")
        let region = try await call.region(orRegionOf: Eip.self, id: id, notFound: .eipNotFound)
        return try await call.write(region, idempotent: true) { tx, context in
            try EipOperations.associate(tx, context, allocationId: id, instanceId: instanceId, instanceType: type)
            return RPCResponse()
        }
    }
}
