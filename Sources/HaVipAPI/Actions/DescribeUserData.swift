import HaVipModel
import RPCWire

/// ECS `DescribeUserData`: the user data an instance was launched with, exactly as given (`""` for none).
enum DescribeUserData: RPCAction {
    static let name = "DescribeUserData"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let id = try call.parameters.required("InstanceId")
        let instance = try await call.read(region) { tx, context in try tx.find(Instance.self, id, context, notFound: .instanceNotFound) }
        return RPCResponse([
            .init("UserData", .string(instance.userData)), .init("InstanceId", .string(instance.id)), .init("RegionId", .string(region.id)),
        ])
    }
}
