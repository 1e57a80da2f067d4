import HaVipModel
import RPCWire

extension ResponseNode {
    static func securityGroup(_ group: SecurityGroup) -> ResponseNode {
        .object([
            .init("SecurityGroupId", .string(group.id)),
            .init("SecurityGroupName", .string(group.name)),
            .init("Description", .string(group.description)),
            .init("VpcId", .string(group.vpcId)),
            .init("CreationTime", .time(group.createdAt)),
            .init("ResourceGroupId", .string(group.resourceGroupId)),
            .init("SecurityGroupType", "normal"),
            .init("ServiceManaged", .bool(false)),
            .init("Tags", .tags([])),
        ])
    }

    static func instance(_ view: InstanceView) -> ResponseNode {
        let (instance, eni, eip) = (view.instance, view.networkInterface, view.eip)
        return .object([
            .init("InstanceId", .string(instance.id)),
            .init("InstanceName", .string(instance.name)),
            .init("HostName", .string(instance.id)),
            .init("Status", .string(instance.status.rawValue)),
            .init("RegionId", .string(instance.regionId)),
            .init("ZoneId", .string(instance.zoneId)),
            .init("InstanceType", .string(instance.instanceType)),
            .init("ImageId", .string(instance.imageId)),
            .init("InstanceNetworkType", "vpc"),
            .init("CreationTime", .string(Timestamp.format(Int64(instance.createdAt)).dropLast(4) + "Z")),
            .init("StartTime", .string(Timestamp.format(Int64(instance.createdAt)).dropLast(4) + "Z")),
            .init("ExpiredTime", "2099-12-31T15:59Z"),
            .init("InstanceChargeType", "PostPaid"),
            .init("InternetChargeType", "PayByTraffic"),
            .init("Cpu", .int(2)),
            .init("Memory", .int(4096)),
            .init("OSType", "linux"),
            .init("VpcAttributes", .object([
                .init("VpcId", .string(instance.vpcId)),
                .init("VSwitchId", .string(instance.vSwitchId)),
                .init("PrivateIpAddress", .strings(item: "IpAddress", [instance.privateIpAddress])),
                .init("NatIpAddress", ""),
            ])),
            .init("InnerIpAddress", .strings(item: "IpAddress", [])),
            .init("PublicIpAddress", .strings(item: "IpAddress", [])),
            .init("EipAddress", .object([
                .init("AllocationId", .string(eip?.id ?? "")),
                .init("IpAddress", .string(eip?.ipAddress ?? "")),
                .init("Bandwidth", .int(Int(eip?.bandwidth ?? "") ?? 0)),
                .init("InternetChargeType", .string(eip?.internetChargeType.rawValue ?? "")),
            ])),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", instance.securityGroupIds)),
            .init("NetworkInterfaces", .list(item: "NetworkInterface", eni.map { eni in
                [.object([
                    .init("NetworkInterfaceId", .string(eni.id)),
                    .init("Type", .string(eni.type.rawValue)),
                    .init("PrimaryIpAddress", .string(eni.primaryIpAddress)),
                    .init("MacAddress", .string(eni.macAddress)),
                    .init("PrivateIpSets", .list(item: "PrivateIpSet", [.object([
                        .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("Primary", .bool(true)),
                    ])])),
                ])]
            } ?? [])),
            .init("Tags", .tags([])),
        ])
    }

    static func networkInterface(_ eni: NetworkInterface) -> ResponseNode {
        .object([
            .init("NetworkInterfaceId", .string(eni.id)),
            .init("NetworkInterfaceName", .string(eni.name)),
            .init("Description", .string(eni.description)),
            .init("Status", .string(eni.status.rawValue)),
            .init("Type", .string(eni.type.rawValue)),
            .init("VpcId", .string(eni.vpcId)),
            .init("VSwitchId", .string(eni.vSwitchId)),
            .init("ZoneId", .string(eni.zoneId)),
            .init("PrivateIpAddress", .string(eni.primaryIpAddress)),
            .init("MacAddress", .string(eni.macAddress)),
            .init("InstanceId", .string(eni.instanceId ?? "")),
            .init("CreationTime", .time(eni.createdAt)),
            .init("ServiceManaged", .bool(false)),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", eni.securityGroupIds)),
            .init("PrivateIpSets", .list(item: "PrivateIpSet", [.object([
                .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("Primary", .bool(true)),
            ])])),
            .init("Tags", .tags([])),
        ])
    }
}

extension Parameters {
    /// `SecurityGroupId` or `SecurityGroupIds.N`; at least one.
    func securityGroupIds() throws(APIError) -> [String] {
        var ids = try values("SecurityGroupIds")
        if let single = optional("SecurityGroupId") { ids.insert(single, at: 0) }
        guard !ids.isEmpty else { throw .missingParameter("SecurityGroupId") }
        guard ids.count <= 5 else { throw .invalidParameter("SecurityGroupIds") }
        return ids
    }
}
