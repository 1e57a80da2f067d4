import HaVipModel
import RPCWire

/// ECS `RebootInstance`: a running instance restarts (at once in havip; RegionId optional: libcloud sends none).
enum RebootInstance: RPCAction {
    static let name = "RebootInstance"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("InstanceId")
        _ = try call.parameters.boolean("ForceStop", default: false)
        let dryRun = try call.parameters.boolean("DryRun", default: false)
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        return try await call.write(region) { tx, context in
            try ComputeOperations.reboot(tx, context, id: id)
            if dryRun { throw APIError.dryRunOperation }
            return RPCResponse()
        }
    }
}
