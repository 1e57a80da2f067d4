import HaVipModel
import RPCWire

/// How each resource is rendered in Describe* responses: the fields of the real service's answer (the SDK
/// models' field sets; see docs/compatibility.md, "Key order"), with their wire names and types, lists
/// wrapped, absent values as empty strings, each object's fields in the real service's wire order (the
/// ``JavaHashMapOrder`` of its real key set).
extension ResponseNode {
    /// VPC tags: `{"Tag": [{"Value","Key"}…]}`.
    static func tags(_ tags: [(key: String, value: String)]) -> ResponseNode {
        .list(item: "Tag", tags.map { .object([.init("Value", .string($0.value)), .init("Key", .string($0.key))]) })
    }

    static func time(_ seconds: Double) -> ResponseNode { .string(Timestamp.format(Int64(seconds))) }

    static func haVip(_ view: HaVipView) -> ResponseNode {
        let haVip = view.haVip
        return .object([
            .init("Status", .string(haVip.status.rawValue)),
            .init("Description", .string(haVip.description)),
            .init("ResourceGroupId", .string(haVip.resourceGroupId)),
            .init("AssociatedEipAddresses", .strings(item: "associatedEipAddresse", view.eipAddresses)),
            .init("CreateTime", .time(haVip.createdAt)),
            .init("VSwitchId", .string(haVip.vSwitchId)),
            .init("HaVipId", .string(haVip.id)),
            .init("Name", .string(haVip.name)),
            .init("AssociatedInstances", .strings(item: "associatedInstance", view.associatedInstanceIds)),
            .init("VpcId", .string(haVip.vpcId)),
            .init("MasterInstanceId", .string(haVip.masterInstanceId ?? "")),
            .init("ChargeType", ""),
            .init("IpAddress", .string(haVip.ipAddress)),
            .init("RegionId", .string(haVip.regionId)),
            .init("AssociatedInstanceType", .string(haVip.associatedInstanceType?.rawValue ?? "")),
            .init("Tags", .tags(view.tags)),
        ])
    }

}

extension RPCResponse {
    /// `TotalCount`, `PageNumber`, `PageSize` and the wrapped list, as every paged VPC Describe* returns them,
    /// in the ``JavaHashMapOrder`` of those four keys and `RequestId` (which depends on the collection's name).
    static func page<Item>(
        _ page: Page<Item>, _ request: PageRequest, collection: String, item: String, _ render: (Item) -> ResponseNode
    ) -> RPCResponse {
        let fields: [ResponseNode.Field] = [
            .init("TotalCount", .int(page.total)), .init("PageNumber", .int(request.number)), .init("PageSize", .int(request.size)),
            .init(collection, .list(item: item, page.items.map(render))),
        ]
        return RPCResponse(JavaHashMapOrder(keyCount: fields.count + 1).ordered(fields, by: \.name))
    }
}
