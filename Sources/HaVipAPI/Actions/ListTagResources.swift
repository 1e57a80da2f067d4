import HaVipModel
import RPCWire

/// VPC `ListTagResources`: by resource IDs and/or tags, paged with `MaxResults` and `NextToken`.
enum ListTagResources: RPCAction {
    static let name = "ListTagResources"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let (region, type, ids) = try parameters.tagTargets(requireIds: false)
        let filters = try parameters.tagFilters("Tag")
        guard !ids.isEmpty || !filters.isEmpty else { throw APIError.tagsAndResourcesEmpty }
        let limit = try parameters.integer("MaxResults", default: 50, in: 1...50)
        let offset = try parameters.integer("NextToken", default: 0, in: 0...1_000_000)
        let (tags, hasMore) = try await call.read(region) { tx, context in
            try TagOperations.list(tx, context, resourceType: type, resourceIds: ids, filterTags: filters, offset: offset, limit: limit)
        }
        let items = tags.map { tag in
            ResponseNode.object([
                .init("ResourceId", .string(tag.resourceId)), .init("TagKey", .string(tag.key)),
                .init("ResourceType", .string(tag.resourceType.rawValue)), .init("TagValue", .string(tag.value)),
            ])
        }
        return RPCResponse([
            .init("NextToken", .string(hasMore ? String(offset + limit) : "")),
            .init("TagResources", .list(item: "TagResource", items)),
        ])
    }
}
