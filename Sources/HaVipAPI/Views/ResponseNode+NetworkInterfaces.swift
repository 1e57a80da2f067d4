import HaVipModel
import RPCWire

/// ENIs, each object's fields in the real service's wire order.
extension ResponseNode {
    /// A DescribeNetworkInterfaces item: the 17 fields of the real service's answer and the 3 it adds
    /// for ENIs havip shows (20, like the real 17 a HashMap of capacity 32).
    static func networkInterface(_ view: NetworkInterfaceView) -> ResponseNode {
        let eni = view.networkInterface
        let publicIp = ResponseNode.associatedPublicIp(view.eip)
        return .object([
            .init("Status", .string(eni.status.rawValue)),
            .init("PrivateIpAddress", .string(eni.primaryIpAddress)),
            .init("Description", .string(eni.description)),
            .init("ZoneId", .string(eni.zoneId)),
            .init("ResourceGroupId", .string(eni.resourceGroupId)),
            .init("ServiceManaged", .bool(false)),
            .init("InstanceId", .string(eni.instanceId ?? "")),
            .init("VSwitchId", .string(eni.vSwitchId)),
            .init("NetworkInterfaceName", .string(eni.name)),
            .init("NetworkInterfaceId", .string(eni.id)),
            .init("MacAddress", .string(eni.macAddress)),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", eni.securityGroupIds)),
            .init("Type", .string(eni.type.rawValue)),
            .init("Ipv6Sets", .list(item: "Ipv6Set", [])),
            .init("VpcId", .string(eni.vpcId)),
            .init("OwnerId", .string(eni.account.rawValue)),
            .init("AssociatedPublicIp", publicIp),
            .init("CreationTime", .time(eni.createdAt)),
            .init("Tags", .ecsTags(view.tags)),
            .init("PrivateIpSets", .list(item: "PrivateIpSet", [.object([
                .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("AssociatedPublicIp", publicIp), .init("Primary", .bool(true)),
            ])])),
        ])
    }

    /// `AssociatedPublicIp`: `PublicIpAddress, AllocationId`, empty without an EIP.
    static func associatedPublicIp(_ eip: Eip?) -> ResponseNode {
        .object([.init("PublicIpAddress", .string(eip?.ipAddress ?? "")), .init("AllocationId", .string(eip?.id ?? ""))])
    }
}

extension RPCResponse {
    /// CreateNetworkInterface's answer (22 fields, `RequestId` among them, which the server adds).
    static func createdNetworkInterface(_ eni: NetworkInterface, tags: [(key: String, value: String)]) -> RPCResponse {
        RPCResponse([
            .init("Status", .string(eni.status.rawValue)),
            .init("Description", .string(eni.description)),
            .init("PrivateIpAddress", .string(eni.primaryIpAddress)),
            .init("ResourceGroupId", .string(eni.resourceGroupId)),
            .init("ServiceManaged", .bool(false)),
            .init("ZoneId", .string(eni.zoneId)),
            .init("VSwitchId", .string(eni.vSwitchId)),
            .init("NetworkInterfaceName", .string(eni.name)),
            .init("MacAddress", .string(eni.macAddress)),
            .init("NetworkInterfaceId", .string(eni.id)),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", eni.securityGroupIds)),
            .init("ServiceID", .int(0)),
            .init("SourceDestCheck", .bool(false)),
            .init("Type", .string(eni.type.rawValue)),
            .init("Ipv6Sets", .list(item: "Ipv6Set", [])),
            .init("OwnerId", .string(eni.account.rawValue)),
            .init("VpcId", .string(eni.vpcId)),
            .init("Ipv6PrefixSets", .list(item: "Ipv6PrefixSet", [])),
            .init("Ipv4PrefixSets", .list(item: "Ipv4PrefixSet", [])),
            .init("Tags", .ecsTags(tags)),
            .init("PrivateIpSets", .list(item: "PrivateIpSet", [.object([
                .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("Primary", .bool(true)),
            ])])),
        ])
    }
}
