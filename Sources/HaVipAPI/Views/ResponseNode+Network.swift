import HaVipModel
import RPCWire

extension ResponseNode {
    static func vpc(_ view: VpcView) -> ResponseNode {
        let vpc = view.vpc
        return .object([
            .init("Status", .string(vpc.status.rawValue)),
            .init("IsDefault", .bool(false)),
            .init("Description", .string(vpc.description)),
            .init("DhcpOptionsSetStatus", ""),
            .init("ResourceGroupId", .string(vpc.resourceGroupId)),
            .init("VSwitchIds", .strings(item: "VSwitchId", view.vSwitchIds)),
            .init("SecondaryCidrBlocks", .strings(item: "SecondaryCidrBlock", [])),
            .init("CidrBlock", .string(vpc.cidrBlock)),
            .init("RouterTableIds", .strings(item: "RouterTableIds", [vpc.routeTableId])),
            .init("UserCidrs", .strings(item: "UserCidr", [])),
            .init("VRouterId", .string(vpc.vRouterId)),
            .init("DhcpOptionsSetId", ""),
            .init("NatGatewayIds", .strings(item: "NatGatewayIds", [])),
            .init("VpcId", .string(vpc.id)),
            .init("OwnerId", .string(vpc.account.rawValue)),
            .init("CreationTime", .time(vpc.createdAt)),
            .init("VpcName", .string(vpc.name)),
            .init("RegionId", .string(vpc.regionId)),
            .init("Ipv6CidrBlock", ""),
            .init("Tags", .tags(view.tags)),
        ])
    }

    static func vSwitch(_ view: VSwitchView) -> ResponseNode {
        let vSwitch = view.vSwitch
        return .object([
            .init("Status", .string(vSwitch.status.rawValue)),
            .init("IsDefault", .bool(false)),
            .init("Description", .string(vSwitch.description)),
            .init("ZoneId", .string(vSwitch.zoneId)),
            .init("ResourceGroupId", .string(vSwitch.resourceGroupId)),
            .init("NetworkAclId", ""),
            .init("VSwitchId", .string(vSwitch.id)),
            .init("AvailableIpAddressCount", .int(view.availableAddressCount)),
            .init("CidrBlock", .string(vSwitch.cidrBlock)),
            .init("RouteTable", .object([.init("RouteTableId", .string(view.routeTableId)), .init("RouteTableType", "System")])),
            .init("VpcId", .string(vSwitch.vpcId)),
            .init("OwnerId", .string(vSwitch.account.rawValue)),
            .init("CreationTime", .time(vSwitch.createdAt)),
            .init("VSwitchName", .string(vSwitch.name)),
            .init("Tags", .tags(view.tags)),
            .init("ShareType", ""),
        ])
    }

    static func eip(_ view: EipView) -> ResponseNode {
        let eip = view.eip
        return .object([
            .init("Description", .string(eip.description)),
            .init("PrivateIpAddress", ""),
            .init("ResourceGroupId", .string(eip.resourceGroupId)),
            .init("AllocationId", .string(eip.id)),
            .init("Name", .string(eip.name)),
            .init("InstanceRegionId", .string(eip.instanceId == nil ? "" : eip.regionId)),
            .init("Bandwidth", .string(eip.bandwidth)),
            .init("InstanceType", .string(eip.instanceType?.rawValue ?? "")),
            .init("Tags", .tags(view.tags)),
            .init("Status", .string(eip.status.rawValue)),
            .init("InstanceId", .string(eip.instanceId ?? "")),
            .init("Mode", "NAT"),
            .init("ISP", "BGP"),
            .init("OperationLocks", .list(item: "LockReason", [])),
            .init("InternetChargeType", .string(eip.internetChargeType.rawValue)),
            .init("AllocationTime", .time(eip.createdAt)),
            .init("Netmode", "public"),
            .init("ChargeType", .string(eip.instanceChargeType)),
            .init("IpAddress", .string(eip.ipAddress)),
            .init("RegionId", .string(eip.regionId)),
        ])
    }
}
