import HaVipModel
import RPCWire

/// ECS `DescribeNetworkInterfaces`: by IDs, VPC, vSwitch, instance, address, status, type.
enum DescribeNetworkInterfaces: RPCAction {
    static let name = "DescribeNetworkInterfaces"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let (number, size) = try parameters.paging(maxSize: 500)
        var conditions: [Condition<NetworkInterface>] = []
        let ids = try parameters.ids("NetworkInterfaceId", max: 100, error: .invalidParameter("NetworkInterfaceId"))
        if !ids.isEmpty { conditions.append(.isIn(NetworkInterface.column.id, ids)) }
        let column = NetworkInterface.column
        let columns = [
            ("VpcId", column.vpcId), ("VSwitchId", column.vSwitchId), ("PrimaryIpAddress", column.primaryIpAddress), ("NetworkInterfaceName", column.name),
        ]
        for (parameter, column) in columns {
            if let value = parameters.optional(parameter) { conditions.append(.equals(column, value)) }
        }
        if let status = parameters.optional("Status") { conditions.append(.equals(column.status, named: status)) }
        if let type = parameters.optional("Type") { conditions.append(.equals(column.type, named: type)) }
        if let instance = parameters.optional("InstanceId") { conditions.append(.equals(column.instanceId, instance)) }
        let conditionsToUse = conditions
        let (total, enis) = try await call.read(region) { tx, context in
            try ResourceQueries.page(tx, context, NetworkInterface.self, conditionsToUse, pageNumber: number, pageSize: size)
        }
        var response = RPCResponse.page(
            total: total, number: number, size: size, collection: "NetworkInterfaceSets", item: "NetworkInterfaceSet",
            enis.map(ResponseNode.networkInterface))
        response.fields.append(.init("NextToken", ""))
        return response
    }
}
