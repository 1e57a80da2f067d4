import HaVipModel
import RPCWire

/// ECS `CreateNetworkInterface`: a secondary ENI in a vSwitch.
enum CreateNetworkInterface: RPCAction {
    static let name = "CreateNetworkInterface"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let vSwitchId = try parameters.required("VSwitchId")
        let groups = try parameters.securityGroupIds()
        let address = parameters.optional("PrimaryIpAddress")
        let name = parameters["NetworkInterfaceName"]
        let description = parameters["Description"]
        return try await call.write(region, idempotent: true) { tx, context in
            let eni = try ComputeOperations.createNetworkInterface(
                tx, context, vSwitchId: vSwitchId, securityGroupIds: groups, primaryIpAddress: address, name: name, description: description)
            return RPCResponse([
                .init("NetworkInterfaceId", .string(eni.id)), .init("Status", .string(eni.status.rawValue)), .init("Type", .string(eni.type.rawValue)),
                .init("VpcId", .string(eni.vpcId)), .init("VSwitchId", .string(eni.vSwitchId)), .init("ZoneId", .string(eni.zoneId)),
                .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("MacAddress", .string(eni.macAddress)),
                .init("NetworkInterfaceName", .string(eni.name)), .init("Description", .string(eni.description)),
                .init("SecurityGroupIds", .strings(item: "SecurityGroupId", eni.securityGroupIds)),
            ])
        }
    }
}
