import HaVipModel
import RPCWire

/// VPC `DescribeVSwitches`: RegionId or VpcId (at least one); by ID, zone, name, resource group, tags.
enum DescribeVSwitches: RPCAction {
    static let name = "DescribeVSwitches"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let vpcId = parameters.optional("VpcId")
        guard parameters.optional("RegionId") != nil || vpcId != nil else { throw APIError.missingRegionOrVpc }
        let region = try await call.region(orRegionOf: Vpc.self, id: vpcId ?? "", notFound: .vpcNotFound)
        var query = VSwitchQuery(page: try parameters.paging())
        query.vpcId = vpcId
        query.ids = try parameters.commaSeparated("VSwitchId", max: 50)
        query.zoneId = parameters.optional("ZoneId")
        query.name = parameters.optional("VSwitchName")
        query.resourceGroupId = parameters.optional("ResourceGroupId")
        query.onlyDefault = try parameters.boolean("IsDefault", default: false)
        query.tags = try parameters.tagFilters("Tag")
        let views = try await call.read(region) { [query] tx, context in try NetworkOperations.describeVSwitches(tx, context, query) }
        return .page(views, query.page, collection: "VSwitches", item: "VSwitch", ResponseNode.vSwitch)
    }
}
