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
        let (number, size) = try parameters.paging()
        var conditions: [Condition<VSwitch>] = []
        if let vpcId { conditions.append(.equals(VSwitch.column.vpcId, vpcId)) }
        let ids = try parameters.commaSeparated("VSwitchId", max: 50)
        if !ids.isEmpty { conditions.append(.isIn(VSwitch.column.id, ids)) }
        if let zone = parameters.optional("ZoneId") { conditions.append(.equals(VSwitch.column.zoneId, zone)) }
        if let name = parameters.optional("VSwitchName") { conditions.append(.equals(VSwitch.column.name, name)) }
        if let group = parameters.optional("ResourceGroupId") { conditions.append(.equals(VSwitch.column.resourceGroupId, group)) }
        // havip creates no default VPC or vSwitch: IsDefault=true matches nothing.
        if try parameters.boolean("IsDefault", default: false) { conditions.append(.never) }
        for tag in try parameters.tagFilters("Tag") { conditions.append(.hasTag(tag.key, value: tag.value)) }
        let conditionsToUse = conditions
        let (total, items) = try await call.read(region) { tx, context in
            let (total, vSwitches) = try ResourceQueries.page(tx, context, VSwitch.self, conditionsToUse, pageNumber: number, pageSize: size)
            let tagMap = try TagOperations.tags(tx, account: context.account, resourceType: .vSwitch, resourceIds: vSwitches.map(\.id))
            let nodes = try vSwitches.map { vSwitch in
                let routeTable = try tx.fetch(Vpc.self, vSwitch.vpcId, account: context.account)?.routeTableId ?? ""
                return ResponseNode.vSwitch(
                    vSwitch, availableAddresses: try NetworkOperations.availableAddressCount(tx, vSwitch), routeTableId: routeTable,
                    tags: tagMap[vSwitch.id] ?? [])
            }
            return (total, nodes)
        }
        return .page(total: total, number: number, size: size, collection: "VSwitches", item: "VSwitch", items)
    }
}
