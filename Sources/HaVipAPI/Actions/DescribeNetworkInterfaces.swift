import HaVipModel
import RPCWire

/// ECS `DescribeNetworkInterfaces`: by IDs, VPC, vSwitch, instance, address, status, type.
enum DescribeNetworkInterfaces: RPCAction {
    static let name = "DescribeNetworkInterfaces"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = NetworkInterfaceQuery(page: try parameters.paging(maxSize: 500))
        query.ids = try parameters.ids("NetworkInterfaceId", max: 100, error: .invalidParameter("NetworkInterfaceId"))
        query.vpcId = parameters.optional("VpcId")
        query.vSwitchId = parameters.optional("VSwitchId")
        query.instanceId = parameters.optional("InstanceId")
        query.primaryIpAddress = parameters.optional("PrimaryIpAddress")
        query.status = parameters.optional("Status")
        query.type = parameters.optional("Type")
        query.name = parameters.optional("NetworkInterfaceName")
        let enis = try await call.read(region) { [query] tx, context in
            try ComputeOperations.describeNetworkInterfaces(tx, context, query)
        }
        var response = RPCResponse.page(
            enis, query.page, collection: "NetworkInterfaceSets", item: "NetworkInterfaceSet", ResponseNode.networkInterface)
        response.fields.append(.init("NextToken", ""))
        return response
    }
}
