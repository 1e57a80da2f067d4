import HaVipModel
import RPCWire

/// ECS `DescribeInstanceMaintenanceAttributes`: how each instance is maintained. havip runs no maintenance:
/// every instance has the real defaults (no window, AutoRecover, no notice).
enum DescribeInstanceMaintenanceAttributes: RPCAction {
    static let name = "DescribeInstanceMaintenanceAttributes"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let request = try parameters.paging(maxSize: 100)
        let ids = try parameters.values("InstanceId")
        guard ids.count <= 100 else { throw APIError.instanceIdLimitExceeded }
        let page = try await call.read(region) { tx, context in
            guard !ids.isEmpty else { return try ResourceQueries.page(tx, context, [Condition<Instance>](), request) }
            let found = try ComputeOperations.instances(tx, context, ids: ids, notFound: .instanceNotFound)
            return Page(total: found.count, items: Array(found.dropFirst(request.offset).prefix(request.size)))
        }
        let items = page.items.map { instance in
            ResponseNode.object([
                .init("InstanceId", .string(instance.id)),
                .init("ActionOnMaintenance", .object([
                    .init("DefaultValue", "AutoRecover"), .init("Value", "AutoRecover"),
                    .init("SupportedValues", .strings(item: "SupportedValue", ["Stop", "AutoRecover", "AutoRedeploy"])),
                ])),
                .init("MaintenanceWindows", .list(item: "MaintenanceWindow", [])),
                .init("NotifyOnMaintenance", .bool(false)),
            ])
        }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(page.total)), .init("PageSize", .int(request.size)), .init("PageNumber", .int(request.number)),
            .init("MaintenanceAttributes", .list(item: "MaintenanceAttribute", items)),
        ])
    }
}
