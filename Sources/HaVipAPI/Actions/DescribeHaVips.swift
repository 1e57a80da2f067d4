import HaVipModel
import RPCWire

/// VPC `DescribeHaVips`: filters by VpcId, VSwitchId, Status, HaVipId, HaVipAddress (values OR'ed,
/// keys AND'ed), tags and resource group; paged, oldest first, with an exact TotalCount.
enum DescribeHaVips: RPCAction {
    static let name = "DescribeHaVips"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let page = try parameters.paging()
        let filterEntries = try parameters.entries("Filter")
        guard filterEntries.count <= 5 else { throw APIError.invalidParameter("Filter") }
        var filters: [(key: HaVipQuery.FilterKey, values: [String])] = []
        for entry in filterEntries {
            guard let keyName = entry.optional("Key") else { throw APIError.missingParameter("Filter.N.Key") }
            guard let key = HaVipQuery.FilterKey(rawValue: keyName) else { throw APIError.haVipFilterKeyUnsupported }
            let values = try entry.values("Value")
            guard !values.isEmpty else { throw APIError.missingParameter("Filter.N.Value.M") }
            guard values.count <= 5 else { throw APIError.invalidParameter("Filter.N.Value") }
            filters.append((key, values))
        }
        let query = HaVipQuery(
            filters: filters, tags: try parameters.tagFilters("Tags"), resourceGroupId: parameters.optional("ResourceGroupId"), page: page)
        let views = try await call.read(region) { tx, context in try HaVipOperations.describe(tx, context, query) }
        return .page(views, page, collection: "HaVips", item: "HaVip", ResponseNode.haVip)
    }
}
