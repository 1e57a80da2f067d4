import HaVipModel
import RPCWire

/// ECS `DescribeInstances`: `InstanceIds` as a JSON array string, VpcId, VSwitchId, ZoneId, Status,
/// InstanceName; paged by PageNumber/PageSize (up to 100).
enum DescribeInstances: RPCAction {
    static let name = "DescribeInstances"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let (number, size) = try parameters.paging(maxSize: 100)
        var conditions: [Condition<Instance>] = []
        let ids = try parameters.jsonArray("InstanceIds", max: 100, error: .instanceIdsMalformed)
        if !ids.isEmpty { conditions.append(.isIn(Instance.column.id, ids)) }
        let addresses = try parameters.jsonArray("PrivateIpAddresses", max: 100, error: .invalidParameter("PrivateIpAddresses"))
        if !addresses.isEmpty { conditions.append(.isIn(Instance.column.privateIpAddress, addresses)) }
        let column = Instance.column
        for (parameter, column) in [("VpcId", column.vpcId), ("VSwitchId", column.vSwitchId), ("ZoneId", column.zoneId), ("InstanceName", column.name)] {
            if let value = parameters.optional(parameter) { conditions.append(.equals(column, value)) }
        }
        if let status = parameters.optional("Status") { conditions.append(.equals(column.status, named: status)) }
        let conditionsToUse = conditions
        let (total, items) = try await call.read(region) { tx, context in
            let (total, instances) = try ResourceQueries.page(tx, context, Instance.self, conditionsToUse, pageNumber: number, pageSize: size)
            let nodes = try instances.map { instance in
                ResponseNode.instance(
                    instance, eni: try tx.fetch(NetworkInterface.self, instance.primaryNetworkInterfaceId, account: context.account),
                    eip: try EipOperations.boundEip(tx, account: context.account, instanceId: instance.id))
            }
            return (total, nodes)
        }
        var response = RPCResponse.page(total: total, number: number, size: size, collection: "Instances", item: "Instance", items)
        response.fields.append(.init("NextToken", ""))
        return response
    }
}
