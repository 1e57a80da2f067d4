import HaVipModel
import RPCWire

/// VPC `CreateHaVip`: a HaVip in a vSwitch, at a given or the lowest free address. `Creating → Available`.
enum CreateHaVip: RPCAction {
    static let name = "CreateHaVip"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let request = HaVipOperations.CreateRequest(
            vSwitchId: try parameters.required("VSwitchId"), ipAddress: parameters.optional("IpAddress"), name: parameters["Name"],
            description: parameters["Description"], resourceGroupId: parameters.optional("ResourceGroupId"), tags: try parameters.tags())
        return try await call.write(region, idempotent: true) { tx, context in
            let haVip = try HaVipOperations.create(tx, context, request)
            return RPCResponse([.init("IpAddress", .string(haVip.ipAddress)), .init("HaVipId", .string(haVip.id))])
        }
    }
}
