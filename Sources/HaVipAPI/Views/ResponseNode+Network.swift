import HaVipModel
import RPCWire

extension ResponseNode {
    static func vpc(_ view: VpcView) -> ResponseNode {
        let vpc = view.vpc
        return .object([
            .init("VpcId", .string(vpc.id)),
            .init("RegionId", .string(vpc.regionId)),
            .init("Status", .string(vpc.status.rawValue)),
            .init("VpcName", .string(vpc.name)),
            .init("CreationTime", .time(vpc.createdAt)),
            .init("CidrBlock", .string(vpc.cidrBlock)),
            .init("Ipv6CidrBlock", ""),
            .init("VRouterId", .string(vpc.vRouterId)),
            .init("Description", .string(vpc.description)),
            .init("IsDefault", .bool(false)),
            .init("ResourceGroupId", .string(vpc.resourceGroupId)),
            .init("OwnerId", .string(vpc.account.rawValue)),
            .init("DhcpOptionsSetId", ""),
            .init("DhcpOptionsSetStatus", ""),
            .init("VSwitchIds", .strings(item: "VSwitchId", view.vSwitchIds)),
            .init("RouterTableIds", .strings(item: "RouterTableIds", [vpc.routeTableId])),
            .init("NatGatewayIds", .strings(item: "NatGatewayIds", [])),
            .init("UserCidrs", .strings(item: "UserCidr", [])),
            .init("SecondaryCidrBlocks", .strings(item: "SecondaryCidrBlock", [])),
            .init("Tags", .tags(view.tags)),
        ])
    }

    static func vSwitch(_ view: VSwitchView) -> ResponseNode {
        let vSwitch = view.vSwitch
        return .object([
            .init("VSwitchId", .string(vSwitch.id)),
            .init("VpcId", .string(vSwitch.vpcId)),
            .init("Status", .string(vSwitch.status.rawValue)),
            .init("CidrBlock", .string(vSwitch.cidrBlock)),
            .init("ZoneId", .string(vSwitch.zoneId)),
            .init("AvailableIpAddressCount", .int(view.availableAddressCount)),
            .init("Description", .string(vSwitch.description)),
            .init("VSwitchName", .string(vSwitch.name)),
            .init("CreationTime", .time(vSwitch.createdAt)),
            .init("IsDefault", .bool(false)),
            .init("ResourceGroupId", .string(vSwitch.resourceGroupId)),
            .init("OwnerId", .string(vSwitch.account.rawValue)),
            .init("NetworkAclId", ""),
            .init("ShareType", ""),
            .init("RouteTable", .object([.init("RouteTableId", .string(view.routeTableId)), .init("RouteTableType", "System")])),
            .init("Tags", .tags(view.tags)),
        ])
    }

    static func eip(_ view: EipView) -> ResponseNode {
        let eip = view.eip
        return .object([
            .init("AllocationId", .string(eip.id)),
            .init("IpAddress", .string(eip.ipAddress)),
            .init("Status", .string(eip.status.rawValue)),
            .init("InstanceId", .string(eip.instanceId ?? "")),
            .init("InstanceType", .string(eip.instanceType?.rawValue ?? "")),
            .init("InstanceRegionId", .string(eip.instanceId == nil ? "" : eip.regionId)),
            .init("RegionId", .string(eip.regionId)),
            .init("Bandwidth", .string(eip.bandwidth)),
            .init("InternetChargeType", .string(eip.internetChargeType.rawValue)),
            .init("ChargeType", .string(eip.instanceChargeType)),
            .init("AllocationTime", .time(eip.createdAt)),
            .init("Name", .string(eip.name)),
            .init("Description", .string(eip.description)),
            .init("ResourceGroupId", .string(eip.resourceGroupId)),
            .init("PrivateIpAddress", ""),
            .init("Mode", "NAT"),
            .init("ISP", "BGP"),
            .init("Netmode", "public"),
            .init("OperationLocks", .list(item: "LockReason", [])),
            .init("Tags", .tags(view.tags)),
        ])
    }
}
