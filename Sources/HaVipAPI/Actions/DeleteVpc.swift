import HaVipModel
import RPCWire

/// VPC `DeleteVpc`: refused while vSwitches or security groups remain.
enum DeleteVpc: RPCAction {
    static let name = "DeleteVpc"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let id = try call.parameters.required("VpcId")
        return try await call.write(region) { tx, context in
            try NetworkOperations.deleteVpc(tx, context, id: id)
            return RPCResponse()
        }
    }
}
