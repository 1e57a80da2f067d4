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
        var conditions: [Condition] = []
        let ids = try parameters.jsonArray("InstanceIds", max: 100, error: .instanceIdsMalformed)
        if !ids.isEmpty { conditions.append(.isIn("id", ids.map(SQLValue.text))) }
        let addresses = try parameters.jsonArray("PrivateIpAddresses", max: 100, error: .invalidParameter("PrivateIpAddresses"))
        if !addresses.isEmpty { conditions.append(.isIn("private_ip_address", addresses.map(SQLValue.text))) }
        for (parameter, column) in [("VpcId", "vpc_id"), ("VSwitchId", "vswitch_id"), ("ZoneId", "zone_id"), ("Status", "status"), ("InstanceName", "name")] {
            if let value = parameters.optional(parameter) { conditions.append(.equals(column, .text(value))) }
        }
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
