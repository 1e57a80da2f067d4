import HaVipModel
import RPCWire

/// VPC `DeleteHaVip`: only an Available HaVip without an EIP. `Deleting → gone`.
enum DeleteHaVip: RPCAction {
    static let name = "DeleteHaVip"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let id = try call.parameters.required("HaVipId")
        return try await call.write(region) { tx, context in
            try HaVipOperations.delete(tx, context, id: id)
            return RPCResponse()
        }
    }
}
