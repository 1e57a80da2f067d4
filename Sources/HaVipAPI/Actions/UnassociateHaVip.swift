import HaVipModel
import RPCWire

/// VPC `UnassociateHaVip`: the master of several needs `Force=True`. `Unassociating → InUse | Available`.
enum UnassociateHaVip: RPCAction {
    static let name = "UnassociateHaVip"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("HaVipId")
        let instanceId = try parameters.required("InstanceId")
        let type = try parameters.associatedInstanceType()
        let force = try parameters.boolean("Force", default: false)
        return try await call.write(region, idempotent: true) { tx, context in
            try HaVipOperations.unassociate(tx, context, id: id, instanceId: instanceId, instanceType: type, force: force)
            return RPCResponse()
        }
    }
}
