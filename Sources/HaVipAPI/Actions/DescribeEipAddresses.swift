import HaVipModel
import RPCWire

/// VPC `DescribeEipAddresses`: by allocation IDs, address, status, what they are bound to, group, tags.
enum DescribeEipAddresses: RPCAction {
    static let name = "DescribeEipAddresses"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let (number, size) = try parameters.paging(maxSize: 100)
        var conditions: [Condition<Eip>] = []
        let ids = try parameters.commaSeparated("AllocationId", max: 50)
        if !ids.isEmpty { conditions.append(.isIn(Eip.column.id, ids)) }
        if let address = parameters.optional("EipAddress") { conditions.append(.equals(Eip.column.ipAddress, address)) }
        if let status = parameters.optional("Status") { conditions.append(.equals(Eip.column.status, named: status)) }
        if let type = parameters.optional("AssociatedInstanceType") { conditions.append(.equals(Eip.column.instanceType, named: type)) }
        if let instance = parameters.optional("AssociatedInstanceId") { conditions.append(.equals(Eip.column.instanceId, instance)) }
        if let group = parameters.optional("ResourceGroupId") { conditions.append(.equals(Eip.column.resourceGroupId, group)) }
        for tag in try parameters.tagFilters("Tag") { conditions.append(.hasTag(tag.key, value: tag.value)) }
        let conditionsToUse = conditions
        let (total, items) = try await call.read(region) { tx, context in
            let (total, eips) = try ResourceQueries.page(tx, context, Eip.self, conditionsToUse, pageNumber: number, pageSize: size)
            let tagMap = try TagOperations.tags(tx, account: context.account, resourceType: .eip, resourceIds: eips.map(\.id))
            return (total, eips.map { ResponseNode.eip($0, tags: tagMap[$0.id] ?? []) })
        }
        return .page(total: total, number: number, size: size, collection: "EipAddresses", item: "EipAddress", items)
    }
}
