import HaVipModel
import RPCWire

/// VPC `ReleaseEipAddress`: only an Available (unbound) EIP.
enum ReleaseEipAddress: RPCAction {
    static let name = "ReleaseEipAddress"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("AllocationId")
        let region = try await call.region(orRegionOf: Eip.self, id: id, notFound: .eipNotFound)
        return try await call.write(region) { tx, context in
            try EipOperations.release(tx, context, allocationId: id)
            return RPCResponse()
        }
    }
}
