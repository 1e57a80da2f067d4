import HaVipModel
import RPCWire

/// VPC `UnassociateEipAddress`.
enum UnassociateEipAddress: RPCAction {
    static let name = "UnassociateEipAddress"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("AllocationId")
        let instanceId = parameters.optional("InstanceId")
        let type = parameters.optional("InstanceType")
        let region = try await call.region(orRegionOf: Eip.self, id: id, notFound: .eipNotFound)
        return try await call.write(region, idempotent: true) { tx, context in
            try EipOperations.unassociate(tx, context, allocationId: id, instanceId: instanceId, instanceType: type)
            return RPCResponse()
        }
    }
}
