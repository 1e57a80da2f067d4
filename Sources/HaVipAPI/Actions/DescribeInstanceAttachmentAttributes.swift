import HaVipModel
import RPCWire

/// ECS `DescribeInstanceAttachmentAttributes`: the private pool each instance was made from. havip has no
/// private pools: every instance matched none.
enum DescribeInstanceAttachmentAttributes: RPCAction {
    static let name = "DescribeInstanceAttachmentAttributes"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        guard let regionId = parameters.optional("RegionId") else { throw APIError.attachmentRegionMissing }
        let region = try Region.checked(regionId)
        let request = try parameters.paging(maxSize: 100)
        let ids = try parameters.jsonArray("InstanceIds", max: 100, error: .instanceIdsMalformed)
        guard !ids.isEmpty else { throw APIError.missingParameter("InstanceIds") }
        let found = try await call.read(region) { tx, context in
            try ComputeOperations.instances(tx, context, ids: ids, notFound: .instanceIdsNotFound)
        }
        let items = found.dropFirst(request.offset).prefix(request.size).map { instance in
            ResponseNode.object([
                .init("InstanceId", .string(instance.id)), .init("PrivatePoolOptionsMatchCriteria", "None"), .init("PrivatePoolOptionsId", ""),
            ])
        }
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("Instances", .list(item: "Instance", Array(items))), .init("TotalCount", .int(found.count)),
            .init("PageSize", .int(request.size)), .init("PageNumber", .int(request.number)),
        ])
    }
}
