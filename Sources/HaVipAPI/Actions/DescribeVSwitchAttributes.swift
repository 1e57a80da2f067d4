import HaVipModel
import RPCWire

/// VPC `DescribeVSwitchAttributes`: one vSwitch (what terraform's vSwitch waits for `Available` and reads).
/// `RegionId` is optional: without it, the vSwitch's own region.
enum DescribeVSwitchAttributes: RPCAction {
    static let name = "DescribeVSwitchAttributes"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("VSwitchId")
        let region = try await call.region(orRegionOf: VSwitch.self, id: id, notFound: .vSwitchNotFound)
        let view = try await call.read(region) { tx, context in try NetworkOperations.describeVSwitch(tx, context, id: id) }
        let vSwitch = view.vSwitch
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("IsDefault", .bool(false)),
            .init("Status", .string(vSwitch.status.rawValue)),
            .init("Description", .string(vSwitch.description)),
            .init("NetworkAclId", ""),
            .init("ResourceGroupId", .string(vSwitch.resourceGroupId)),
            .init("ZoneId", .string(vSwitch.zoneId)),
            .init("AvailableIpAddressCount", .int(view.availableAddressCount)),
            .init("VSwitchId", .string(vSwitch.id)),
            .init("CidrBlock", .string(vSwitch.cidrBlock)),
            .init("RouteTable", .object([.init("RouteTableId", .string(view.routeTableId)), .init("RouteTableType", .string(RouteTable.systemType))])),
            .init("OwnerId", .ownerId(vSwitch.account)),
            .init("VpcId", .string(vSwitch.vpcId)),
            .init("CreationTime", .time(vSwitch.createdAt)),
            .init("EnabledIpv6", .bool(false)),
            .init("VSwitchName", .string(vSwitch.name)),
            .init("Ipv6CidrBlock", ""),
            .init("Tags", .attributeTags(view.tags)),
            .init("ShareType", ""),
        ])
    }
}
