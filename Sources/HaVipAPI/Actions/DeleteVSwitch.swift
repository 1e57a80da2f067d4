import HaVipModel
import RPCWire

/// VPC `DeleteVSwitch`: refused while a HaVip, instance or ENI uses one of its addresses.
enum DeleteVSwitch: RPCAction {
    static let name = "DeleteVSwitch"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("VSwitchId")
        let region = try await call.region(orRegionOf: VSwitch.self, id: id, notFound: .vSwitchNotFound)
        return try await call.write(region) { tx, context in
            try NetworkOperations.deleteVSwitch(tx, context, id: id)
            return RPCResponse()
        }
    }
}
