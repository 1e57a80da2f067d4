import HaVipModel
import RPCWire

/// ECS `RunInstances`: `Amount` running instances in a vSwitch (consecutive addresses from
/// `PrivateIpAddress` when given).
enum RunInstances: RPCAction {
    static let name = "RunInstances"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let request = try call.parameters.launchRequest(status: .running, amount: true)
        return try await call.write(region, idempotent: true) { tx, context in
            let instances = try ComputeOperations.launch(tx, context, request)
            return RPCResponse([
                .init("OrderId", ""), .init("TradePrice", .int(0)),
                .init("InstanceIdSets", .strings(item: "InstanceIdSet", instances.map(\.id))),
            ])
        }
    }
}

extension Parameters {
    /// The parameters RunInstances and CreateInstance share.
    func launchRequest(status: InstanceStatus, amount allowsAmount: Bool) throws(APIError) -> ComputeOperations.LaunchRequest {
        let imageId = try required("ImageId")
        let instanceType = try required("InstanceType")
        let vSwitchId = try required("VSwitchId")
        let amount: Int
        do {
            amount = allowsAmount ? try integer("Amount", default: 1, in: 1...100) : 1
        } catch {
            throw .amountInvalid
        }
        return ComputeOperations.LaunchRequest(
            vSwitchId: vSwitchId, zoneId: optional("ZoneId"), securityGroupIds: try securityGroupIds(),
            privateIpAddress: optional("PrivateIpAddress"), amount: amount, name: self["InstanceName"], imageId: imageId,
            instanceType: instanceType, initialStatus: status)
    }
}
