import HaVipModel
import RPCWire

/// ECS `DescribeDisks`: the system disks of the instances (havip makes no other disks), by IDs (a JSON
/// array), instance, type, category, status, zone, name and `Tag.N`; paged.
enum DescribeDisks: RPCAction {
    static let name = "DescribeDisks"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = DiskQuery(page: try parameters.paging(maxSize: 100))
        query.ids = try parameters.jsonArray("DiskIds", max: 100, error: .diskIdsMalformed)
        query.instanceId = parameters.optional("InstanceId")
        query.type = try parameters.allOr("DiskType", error: .diskTypeNotSupported)
        query.category = try parameters.allOr("Category", error: .diskCategoryNotSupported)
        query.status = try parameters.allOr("Status", error: .diskStatusNotSupported)
        query.zoneId = parameters.optional("ZoneId")
        query.name = parameters.optional("DiskName")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.tags = try parameters.ecsTagFilters()
        let disks = try await call.read(region) { [query] tx, context in try ComputeOperations.describeDisks(tx, context, query) }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(disks.total)), .init("PageSize", .int(query.page.size)), .init("NextToken", ""),
            .init("PageNumber", .int(query.page.number)), .init("Disks", .list(item: "Disk", disks.items.map(ResponseNode.disk))),
        ])
    }
}
