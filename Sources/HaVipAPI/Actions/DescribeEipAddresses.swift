import HaVipModel
import RPCWire

/// VPC `DescribeEipAddresses`: by allocation IDs, address, status, what they are bound to, group, tags.
enum DescribeEipAddresses: RPCAction {
    static let name = "DescribeEipAddresses"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = EipQuery(page: try parameters.paging(maxSize: 100))
        query.ids = try parameters.commaSeparated("AllocationId", max: 50)
        query.ipAddress = parameters.optional("EipAddress")
        query.status = parameters.optional("Status")
        query.instanceType = parameters.optional("AssociatedInstanceType")
        query.instanceId = parameters.optional("AssociatedInstanceId")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.tags = try parameters.tagFilters("Tag")
        let views = try await call.read(region) { [query] tx, context in try EipOperations.describe(tx, context, query) }
        return .page(views, query.page, collection: "EipAddresses", item: "EipAddress", ResponseNode.eip)
    }
}
