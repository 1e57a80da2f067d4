import HaVipModel
import RPCWire

/// ECS `CreateInstance`: one instance, created Stopped (as the real API does).
enum CreateInstance: RPCAction {
    static let name = "CreateInstance"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let dryRun = try call.parameters.boolean("DryRun", default: false)
        let request = try call.parameters.launchRequest(status: .stopped, amount: false)
        return try await call.write(region, idempotent: true) { tx, context in
            let instances = try ComputeOperations.launch(tx, context, request)
            // Every check has passed: a dry run ends here, and its transaction is rolled back.
            if dryRun { throw APIError.dryRunOperation }
            // Pay-as-you-go answers carry no OrderId or TradePrice; havip makes no orders.
            return RPCResponse([.init("InstanceId", .string(instances[0].id))])
        }
    }
}
