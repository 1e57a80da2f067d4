import HaVipModel
import RPCWire

/// VPC `DescribeHaVips`: filters by VpcId, VSwitchId, Status, HaVipId, HaVipAddress (values OR'ed,
/// keys AND'ed), tags and resource group; paged, oldest first, with an exact TotalCount.
enum DescribeHaVips: RPCAction {
    static let name = "DescribeHaVips"
    static let product = Product.vpc
    /// The largest N of `Filter.N.Key` and M of `Filter.N.Value.M`.
    static let maxFilterIndex = 5

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let page = try parameters.paging()
        var filters: [(key: HaVipQuery.FilterKey, values: [String])] = []
        for (n, entry) in try parameters.indexedEntries("Filter") {
            // N and M are 1 to 5 (the API reference): a sixth filter or value is refused, naming what was sent.
            guard n <= maxFilterIndex else {
                let sent = entry["Key"] != nil ? "Key" : entry.pairs.map { $0.name }.sorted().first ?? "Key"
                throw APIError.invalidParameter("Filter.\(n).\(sent)")
            }
            guard let keyName = entry.optional("Key") else { throw APIError.missingParameter("Filter.N.Key") }
            guard let key = HaVipQuery.FilterKey(rawValue: keyName) else { throw APIError.haVipFilterKeyUnsupported(index: n) }
            let values = try entry.indexedValues("Value")
            guard !values.isEmpty else { throw APIError.missingParameter("Filter.N.Value.M") }
            if let sixth = values.first(where: { $0.index > maxFilterIndex }) {
                throw APIError.invalidParameter("Filter.\(n).Value.\(sixth.index)")
            }
            filters.append((key, values.map { $0.value }))
        }
        let query = HaVipQuery(
            filters: filters, tags: try parameters.tagFilters("Tags"), resourceGroupId: parameters.optional("ResourceGroupId"), page: page)
        let views = try await call.read(region) { tx, context in try HaVipOperations.describe(tx, context, query) }
        return .page(views, page, collection: "HaVips", item: "HaVip", ResponseNode.haVip)
    }
}
