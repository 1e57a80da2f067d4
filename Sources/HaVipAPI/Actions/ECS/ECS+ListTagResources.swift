import HaVipModel
import RPCWire

extension ECS {
    /// ECS `ListTagResources` (2014-05-26): by resource IDs and/or tags, 50 a page, paged with `NextToken`.
    /// Resource types are answered in ECS's lower case (`instance`).
    enum ListTagResources: RPCAction {
        static let name = "ListTagResources"
        static let product = Product.ecs
        static let pageSize = 50

        static func run(_ call: ActionCall) async throws -> RPCResponse {
            let parameters = call.parameters
            let (region, type, ids) = try parameters.ecsTagTargets(requireIds: false)
            let filters = try parameters.ecsTagFilters()
            guard !ids.isEmpty || !filters.isEmpty else { throw APIError.ecsTagsMissing }
            let offset = try parameters.integer("NextToken", default: 0, in: 0...1_000_000)
            let (tags, hasMore) = try await call.read(region) { tx, context in
                try TagOperations.list(tx, context, resourceType: type, resourceIds: ids, filterTags: filters, offset: offset, limit: pageSize)
            }
            let items = tags.map { tag in
                ResponseNode.object([
                    .init("ResourceId", .string(tag.resourceId)), .init("TagKey", .string(tag.key)),
                    .init("ResourceType", .string(tag.resourceType.ecsName)), .init("TagValue", .string(tag.value)),
                ])
            }
            return RPCResponse([
                .init("NextToken", .string(hasMore ? String(offset + pageSize) : "")), .init("TagResources", .list(item: "TagResource", items)),
            ])
        }
    }
}
