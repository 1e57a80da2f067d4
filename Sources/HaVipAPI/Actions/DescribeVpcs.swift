import HaVipModel
import RPCWire

/// VPC `DescribeVpcs`: by IDs (comma-separated, up to 20), name, resource group and tags.
enum DescribeVpcs: RPCAction {
    static let name = "DescribeVpcs"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        var query = VpcQuery(page: try parameters.paging())
        query.ids = try parameters.commaSeparated("VpcId", max: 20)
        query.name = parameters.optional("VpcName")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.onlyDefault = try parameters.boolean("IsDefault", default: false)
        query.tags = try parameters.tagFilters("Tag")
        let views = try await call.read(region) { [query] tx, context in try NetworkOperations.describeVpcs(tx, context, query) }
        return .page(views, query.page, collection: "Vpcs", item: "Vpc", ResponseNode.vpc)
    }
}
