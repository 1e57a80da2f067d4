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
        var query = InstanceQuery(page: try parameters.paging(maxSize: 100))
        query.ids = try parameters.jsonArray("InstanceIds", max: 100, error: .instanceIdsMalformed)
        query.privateIpAddresses = try parameters.jsonArray("PrivateIpAddresses", max: 100, error: .invalidParameter("PrivateIpAddresses"))
        query.vpcId = parameters.optional("VpcId")
        query.vSwitchId = parameters.optional("VSwitchId")
        query.zoneId = parameters.optional("ZoneId")
        query.status = parameters.optional("Status")
        query.name = parameters.optional("InstanceName")
        let views = try await call.read(region) { [query] tx, context in try ComputeOperations.describeInstances(tx, context, query) }
        var response = RPCResponse.page(views, query.page, collection: "Instances", item: "Instance", ResponseNode.instance)
        response.fields.append(.init("NextToken", ""))
        return response
    }
}
