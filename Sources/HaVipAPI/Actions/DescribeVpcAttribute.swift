import HaVipModel
import RPCWire

/// VPC `DescribeVpcAttribute`: one VPC, with every field of the real answer (what terraform's VPC waits for
/// `Available` and reads).
enum DescribeVpcAttribute: RPCAction {
    static let name = "DescribeVpcAttribute"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("VpcId")
        _ = try parameters.boolean("IsDefault", default: false)
        let view = try await call.read(region) { tx, context in try NetworkOperations.describeVpc(tx, context, id: id) }
        let vpc = view.vpc
        let resources: [ResponseNode] =
            view.vSwitchIds.isEmpty
            ? [] : [.object([.init("ResourceCount", .int(view.vSwitchIds.count)), .init("ResourceType", "VSwitch")])]
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("AssociatedPropagationSources", .list(item: "AssociatedPropagationSources", [])),
            .init("Description", .string(vpc.description)),
            .init("ClassicLinkEnabled", .bool(false)),
            .init("ResourceGroupId", .string(vpc.resourceGroupId)),
            .init("SecondaryCidrBlocks", .strings(item: "SecondaryCidrBlock", [])),
            .init("CidrBlock", .string(vpc.cidrBlock)),
            .init("UserCidrs", .strings(item: "UserCidr", [])),
            .init("DnsHostnameStatus", "DISABLED"),
            .init("VRouterId", .string(vpc.vRouterId)),
            .init("DhcpOptionsSetId", ""),
            .init("OwnerId", .ownerId(vpc.account)),
            .init("AssociatedCens", .list(item: "AssociatedCen", [])),
            .init("EnabledIpv6", .bool(false)),
            .init("CloudResources", .list(item: "CloudResourceSetType", resources)),
            .init("Tags", .attributeTags(view.tags)),
            .init("IsDefault", .bool(false)),
            .init("Status", .string(vpc.status.rawValue)),
            .init("DhcpOptionsSetStatus", ""),
            .init("Ipv4GatewayId", ""),
            .init("SupportIpv4Gateway", .bool(false)),
            .init("VSwitchIds", .strings(item: "VSwitchId", view.vSwitchIds)),
            .init("VpcId", .string(vpc.id)),
            .init("CreationTime", .time(vpc.createdAt)),
            .init("VpcName", .string(vpc.name)),
            .init("RegionId", .string(vpc.regionId)),
            .init("Ipv6CidrBlock", ""),
            .init("Ipv6CidrBlocks", .list(item: "Ipv6CidrBlock", [])),
        ])
    }
}
