import HaVipModel
import RPCWire

/// VPC `DescribeVpcs`: by IDs (comma-separated, up to 20), name, resource group and tags.
enum DescribeVpcs: RPCAction {
    static let name = "DescribeVpcs"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let (number, size) = try parameters.paging()
        var conditions: [Condition] = []
        let ids = try parameters.commaSeparated("VpcId", max: 20)
        if !ids.isEmpty { conditions.append(.isIn("id", ids.map(SQLValue.text))) }
        if let name = parameters.optional("VpcName") { conditions.append(.equals("name", .text(name))) }
        if let group = parameters.optional("ResourceGroupId") { conditions.append(.equals("resource_group_id", .text(group))) }
        // havip creates no default VPC or vSwitch: IsDefault=true matches nothing.
        if try parameters.boolean("IsDefault", default: false) { conditions.append(.isNull("id")) }
        let tags = try parameters.tagFilters("Tag")
        let conditionsToUse = conditions
        let (total, items) = try await call.read(region) { tx, context in
            let (total, vpcs) = try ResourceQueries.page(
                tx, context, Vpc.self, conditionsToUse, tags: tags, tagResourceType: "VPC", pageNumber: number, pageSize: size)
            let tagMap = try TagOperations.tags(tx, account: context.account, resourceType: "VPC", resourceIds: vpcs.map(\.id))
            let nodes = try vpcs.map { vpc in
                let vSwitches = try tx.select(
                    Query(VSwitch.self, account: context.account, [.equals("vpc_id", .text(vpc.id))], order: [("created_at", true)]))
                return ResponseNode.vpc(vpc, vSwitchIds: vSwitches.map(\.id), tags: tagMap[vpc.id] ?? [])
            }
            return (total, nodes)
        }
        return .page(total: total, number: number, size: size, collection: "Vpcs", item: "Vpc", items)
    }
}
