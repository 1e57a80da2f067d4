import HaVipModel
import RPCWire

/// How each resource is rendered in Describe* responses: every field the real service returns, with its
/// wire name and type, lists wrapped, absent values as empty strings.
extension ResponseNode {
    static func tags(_ tags: [(key: String, value: String)]) -> ResponseNode {
        .list(item: "Tag", tags.map { .object([.init("Key", .string($0.key)), .init("Value", .string($0.value))]) })
    }

    static func time(_ seconds: Double) -> ResponseNode { .string(Timestamp.format(Int64(seconds))) }

    static func haVip(_ view: HaVipView) -> ResponseNode {
        let haVip = view.haVip
        return .object([
            .init("HaVipId", .string(haVip.id)),
            .init("RegionId", .string(haVip.regionId)),
            .init("VpcId", .string(haVip.vpcId)),
            .init("VSwitchId", .string(haVip.vSwitchId)),
            .init("IpAddress", .string(haVip.ipAddress)),
            .init("Status", .string(haVip.status.rawValue)),
            .init("Name", .string(haVip.name)),
            .init("Description", .string(haVip.description)),
            .init("CreateTime", .time(haVip.createdAt)),
            .init("ResourceGroupId", .string(haVip.resourceGroupId)),
            .init("MasterInstanceId", .string(haVip.masterInstanceId ?? "")),
            .init("AssociatedInstanceType", .string(haVip.associatedInstanceType?.rawValue ?? "")),
            .init("ChargeType", ""),
            .init("AssociatedInstances", .strings(item: "associatedInstance", view.associatedInstanceIds)),
            .init("AssociatedEipAddresses", .strings(item: "associatedEipAddresse", view.eipAddresses)),
            .init("Tags", .tags(view.tags)),
        ])
    }

}

extension RPCResponse {
    /// `TotalCount`, `PageNumber`, `PageSize` and the wrapped list, as every paged Describe* returns them.
    static func page<Item>(
        _ page: Page<Item>, _ request: PageRequest, collection: String, item: String, _ render: (Item) -> ResponseNode
    ) -> RPCResponse {
        RPCResponse([
            .init("TotalCount", .int(page.total)), .init("PageNumber", .int(request.number)), .init("PageSize", .int(request.size)),
            .init(collection, .list(item: item, page.items.map(render))),
        ])
    }
}
