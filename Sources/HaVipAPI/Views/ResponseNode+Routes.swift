import HaVipModel
import RPCWire

/// How the VPC attribute actions and route tables are rendered: the real field sets (the SDK model files of
/// alibabacloud-go/vpc-20160428), each object's fields in the real service's wire order (`java.util.HashMap`
/// order for that exact set of keys, `RequestId` counted at the top level; docs/compatibility.md).
extension ResponseNode {
    /// An account ID as the number the real service sends, or as text when it is not one.
    static func ownerId(_ account: AccountID) -> ResponseNode {
        Int64(account.rawValue).map(ResponseNode.integer) ?? .string(account.rawValue)
    }

    /// VPC tags as the attribute actions send them: `{"Value","Key"}`.
    static func attributeTags(_ tags: [(key: String, value: String)]) -> ResponseNode {
        .list(item: "Tag", tags.map { .object([.init("Value", .string($0.value)), .init("Key", .string($0.key))]) })
    }

    /// DescribeRouteTables' item: a table with its routes.
    static func routeTable(_ view: RouteTableView) -> ResponseNode {
        let table = view.table
        return .object([
            .init("Status", "Available"),
            .init("VRouterId", .string(table.vRouterId)),
            .init("RouteTableId", .string(table.id)),
            .init("ResourceGroupId", .string(table.resourceGroupId)),
            .init("VSwitchIds", .strings(item: "VSwitchId", view.vSwitchIds)),
            .init("CreationTime", .time(table.createdAt)),
            .init("RouteEntrys", .list(item: "RouteEntry", view.entries.map(ResponseNode.tableRouteEntry))),
            .init("RouteTableType", .string(RouteTable.systemType)),
        ])
    }

    /// A route inside DescribeRouteTables' table (`InstanceId` is the next hop's ID).
    static func tableRouteEntry(_ entry: RouteEntryView) -> ResponseNode {
        .object([
            .init("Status", .string(entry.status)),
            .init("NextHopType", .string(entry.nextHopType)),
            .init("RouteEntryId", .string(entry.id)),
            .init("Type", .string(entry.type)),
            .init("Description", .string(entry.description)),
            .init("RouteTableId", .string(entry.routeTableId)),
            .init("InstanceId", .string(entry.nextHopId)),
            .init("NextHops", .list(item: "NextHop", [])),
            .init("RouteEntryName", .string(entry.name)),
            .init("DestinationCidrBlock", .string(entry.destinationCidrBlock)),
        ])
    }

    /// DescribeRouteTableList's item: a table without its routes.
    static func routeTableListItem(_ view: RouteTableView) -> ResponseNode {
        let table = view.table
        return .object([
            .init("Status", "Available"),
            .init("Description", .string(table.description)),
            .init("RouteTableId", .string(table.id)),
            .init("ResourceGroupId", .string(table.resourceGroupId)),
            .init("VSwitchIds", .strings(item: "VSwitchId", view.vSwitchIds)),
            .init("AssociateType", "VSwitch"),
            .init("RoutePropagationEnable", .bool(true)),
            .init("RouterId", .string(table.vRouterId)),
            .init("RouteTableType", .string(RouteTable.systemType)),
            .init("OwnerId", .ownerId(table.account)),
            .init("VpcId", .string(table.vpcId)),
            .init("RouterType", "VRouter"),
            .init("CreationTime", .time(table.createdAt)),
            .init("GatewayIds", .strings(item: "GatewayIds", [])),
            .init("RouteTableName", .string(table.name)),
            .init("Tags", .attributeTags([])),
        ])
    }

    /// DescribeRouteEntryList's item.
    static func routeEntry(_ entry: RouteEntryView, regionId: String) -> ResponseNode {
        let hop = ResponseNode.object([
            .init("NextHopRegionId", .string(regionId)),
            .init("NextHopType", .string(entry.nextHopType)),
            .init("NextHopId", .string(entry.nextHopId)),
            .init("Enabled", .int(1)),
            .init("NextHopRelatedInfo", .object([.init("InstanceId", ""), .init("RegionId", ""), .init("InstanceType", "")])),
            .init("Weight", .int(0)),
        ])
        return .object([
            .init("Origin", .string(entry.type == "System" ? "SystemRoute" : "CustomRoute")),
            .init("Status", .string(entry.status)),
            .init("RouteEntryId", .string(entry.id)),
            .init("Type", .string(entry.type)),
            .init("Description", .string(entry.description)),
            .init("RouteTableId", .string(entry.routeTableId)),
            .init("IpVersion", "ipv4"),
            .init("NextHops", .list(item: "NextHop", [hop])),
            .init("RouteEntryName", .string(entry.name)),
            .init("ServiceType", ""),
            .init("GmtModified", .time(entry.createdAt)),
            .init("DestinationCidrBlock", .string(entry.destinationCidrBlock)),
        ])
    }
}
