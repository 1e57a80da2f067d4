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
        var conditions: [Condition<Vpc>] = []
        let ids = try parameters.commaSeparated("VpcId", max: 20)
        if !ids.isEmpty { conditions.append(.isIn(Vpc.column.id, ids)) }
        if let name = parameters.optional("VpcName") { conditions.append(.equals(Vpc.column.name, name)) }
        if let group = parameters.optional("ResourceGroupId") { conditions.append(.equals(Vpc.column.resourceGroupId, group)) }
        // havip creates no default VPC or vSwitch: IsDefault=true matches nothing.
        if try parameters.boolean("IsDefault", default: false) { conditions.append(.never) }
        for tag in try parameters.tagFilters("Tag") { conditions.append(.hasTag(tag.key, value: tag.value)) }
        let conditionsToUse = conditions
        let (total, items) = try await call.read(region) { tx, context in
            let (total, vpcs) = try ResourceQueries.page(tx, context, Vpc.self, conditionsToUse, pageNumber: number, pageSize: size)
            let tagMap = try TagOperations.tags(tx, account: context.account, resourceType: .vpc, resourceIds: vpcs.map(\.id))
            let nodes = try vpcs.map { vpc in
                let vSwitches = try tx.select(
                    Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, vpc.id)], order: [.ascending(VSwitch.column.createdAt)]))
                return ResponseNode.vpc(vpc, vSwitchIds: vSwitches.map(\.id), tags: tagMap[vpc.id] ?? [])
            }
            return (total, nodes)
        }
        return .page(total: total, number: number, size: size, collection: "Vpcs", item: "Vpc", items)
    }
}
