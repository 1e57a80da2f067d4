import HaVipModel
import RPCWire

/// VPC `AssociateHaVip`: binds an ECS instance or ENI of the HaVip's vSwitch. `Associating → InUse`.
enum AssociateHaVip: RPCAction {
    static let name = "AssociateHaVip"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("HaVipId")
        let instanceId = try parameters.required("InstanceId")
        let type = try parameters.associatedInstanceType() ?? .ecsInstance
        return try await call.write(region, idempotent: true) { tx, context in
            try HaVipOperations.associate(tx, context, id: id, instanceId: instanceId, instanceType: type)
            return RPCResponse()
        }
    }
}

extension Parameters {
    /// `InstanceType`: `EcsInstance` or `NetworkInterface`; nil when absent.
    func associatedInstanceType() throws(APIError) -> AssociatedInstanceType? {
        guard let text = optional("InstanceType") else { return nil }
        guard let type = AssociatedInstanceType(rawValue: text) else { throw .instanceTypeUnsupported }
        return type
    }
}
