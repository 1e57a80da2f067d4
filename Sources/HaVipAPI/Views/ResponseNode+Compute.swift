import HaVipModel
import RPCWire

/// How ECS resources are rendered: the real field sets, each object's fields in the real service's wire
/// order (`java.util.HashMap` order for that exact set of keys; see docs/compatibility.md), ECS tags as
/// `{"TagKey","TagValue"}`.
extension ResponseNode {
    /// ECS tags: `{"Tag": [{"TagKey","TagValue"}…]}`.
    static func ecsTags(_ tags: [(key: String, value: String)]) -> ResponseNode {
        .list(item: "Tag", tags.map { .object([.init("TagKey", .string($0.key)), .init("TagValue", .string($0.value))]) })
    }

    /// ECS instance times have no seconds: `2024-01-01T08:00Z`.
    static func minuteTime(_ seconds: Double) -> ResponseNode {
        .string(Timestamp.format(Int64(seconds)).dropLast(4) + "Z")
    }

    /// A DescribeInstances item: the 55 fields of the real service (56 with a key pair), whose number puts
    /// the real HashMap at capacity 128, where `EipAddress` precedes `PublicIpAddress` (footmark needs it).
    static func instance(_ view: InstanceView) -> ResponseNode {
        let (instance, facts) = (view.instance, InstanceFacts(view.instance))
        var fields: [Field] = [
            .init("ResourceGroupId", .string(instance.resourceGroupId)),
            .init("Memory", .int(facts.memory)),
            .init("InstanceChargeType", .string(instance.instanceChargeType.rawValue)),
            .init("Cpu", .int(facts.cpu)),
            .init("OSName", .string(facts.image?.osName ?? "")),
            .init("InstanceNetworkType", "vpc"),
            .init("InnerIpAddress", .strings(item: "IpAddress", [])),
            .init("ExpiredTime", .string(InstanceFacts.expiredTime)),
            .init("ImageId", .string(instance.imageId)),
            .init("EipAddress", .instanceEip(view.eip, withUnassociate: true)),
            .init("ImageOptions", .object([])),
            .init("HostName", .string(instance.hostName)),
            .init("Tags", .ecsTags(view.tags)),
            .init("VlanId", ""),
            .init("Status", .string(instance.status.rawValue)),
            .init("HibernationOptions", .object([.init("Configured", .bool(false))])),
            .init("MetadataOptions", .object([.init("HttpTokens", ""), .init("HttpEndpoint", "")])),
            .init("InstanceId", .string(instance.id)),
            .init("StoppedMode", .string(facts.stoppedMode)),
            .init("CpuOptions", .object([.init("ThreadsPerCore", .int(2)), .init("Numa", ""), .init("CoreCount", .int(max(1, facts.cpu / 2)))])),
            .init("StartTime", .minuteTime(instance.createdAt)),
            .init("DeletionProtection", .bool(instance.deletionProtection)),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", instance.securityGroupIds)),
            .init("VpcAttributes", .vpcAttributes(instance)),
            .init("InternetChargeType", .string(instance.internetChargeType.rawValue)),
            .init("InstanceName", .string(instance.name)),
            .init("DeploymentSetId", ""),
            .init("InternetMaxBandwidthOut", .int(instance.internetMaxBandwidthOut)),
            .init("SerialNumber", .string(facts.serialNumber)),
            .init("OSType", .string(facts.image?.osType ?? "linux")),
            .init("CreationTime", .minuteTime(instance.createdAt)),
            .init("AutoReleaseTime", ""),
            .init("Description", .string(instance.description)),
            .init("InstanceTypeFamily", .string(facts.type?.family ?? "")),
            .init("DedicatedInstanceAttribute", .object([.init("Tenancy", ""), .init("Affinity", "")])),
            .init("PublicIpAddress", .strings(item: "IpAddress", [])),
            .init("GPUSpec", ""),
            .init("NetworkInterfaces", .list(item: "NetworkInterface", view.networkInterface.map { [.instanceInterface($0)] } ?? [])),
            .init("SpotPriceLimit", .int(0)),
            .init("DeviceAvailable", .bool(true)),
            .init("SaleCycle", ""),
            .init("InstanceType", .string(instance.instanceType)),
            .init("OSNameEn", .string(facts.image?.osNameEn ?? "")),
            .init("SpotStrategy", "NoSpot"),
            .init("IoOptimized", .bool(true)),
            .init("ZoneId", .string(instance.zoneId)),
            .init("ClusterId", ""),
            .init("EcsCapacityReservationAttr", .object([.init("CapacityReservationPreference", ""), .init("CapacityReservationId", "")])),
            .init("DedicatedHostAttribute", .object([.init("DedicatedHostId", ""), .init("DedicatedHostName", ""), .init("DedicatedHostClusterId", "")])),
            .init("GPUAmount", .int(0)),
            .init("OperationLocks", .list(item: "LockReason", [])),
            .init("InternetMaxBandwidthIn", .int(instance.internetMaxBandwidthIn)),
            .init("Recyclable", .bool(false)),
            .init("RegionId", .string(instance.regionId)),
            .init("CreditSpecification", ""),
        ]
        // Sent only when the instance has one; its bucket comes right after SpotStrategy's.
        if !instance.keyPairName.isEmpty {
            fields.insert(.init("KeyPairName", .string(instance.keyPairName)), at: fields.firstIndex { $0.name == "SpotStrategy" }! + 1)
        }
        return .object(fields)
    }

    /// An instance's `EipAddress`: `Bandwidth, AllocationId, IpAddress, [IsSupportUnassociate,] InternetChargeType`.
    static func instanceEip(_ eip: Eip?, withUnassociate: Bool) -> ResponseNode {
        var fields: [Field] = [
            .init("Bandwidth", .int(Int(eip?.bandwidth ?? "") ?? 0)),
            .init("AllocationId", .string(eip?.id ?? "")),
            .init("IpAddress", .string(eip?.ipAddress ?? "")),
            .init("InternetChargeType", .string(eip?.internetChargeType.rawValue ?? "")),
        ]
        if withUnassociate { fields.insert(.init("IsSupportUnassociate", .bool(eip != nil)), at: 3) }
        return .object(fields)
    }

    /// `VpcAttributes`: `PrivateIpAddress, VpcId, VSwitchId, NatIpAddress`.
    static func vpcAttributes(_ instance: Instance) -> ResponseNode {
        .object([
            .init("PrivateIpAddress", .strings(item: "IpAddress", [instance.privateIpAddress])),
            .init("VpcId", .string(instance.vpcId)),
            .init("VSwitchId", .string(instance.vSwitchId)),
            .init("NatIpAddress", ""),
        ])
    }

    /// An instance's own ENI in DescribeInstances: `Type, PrimaryIpAddress, NetworkInterfaceId, MacAddress, PrivateIpSets`.
    static func instanceInterface(_ eni: NetworkInterface) -> ResponseNode {
        .object([
            .init("Type", .string(eni.type.rawValue)),
            .init("PrimaryIpAddress", .string(eni.primaryIpAddress)),
            .init("NetworkInterfaceId", .string(eni.id)),
            .init("MacAddress", .string(eni.macAddress)),
            .init("PrivateIpSets", .list(item: "PrivateIpSet", [.object([
                .init("PrivateIpAddress", .string(eni.primaryIpAddress)), .init("Primary", .bool(true)),
            ])])),
        ])
    }
}

/// What an instance's image and type say about it, as the Describe answers show it.
struct InstanceFacts {
    let image: Image?
    let type: InstanceType?
    let cpu: Int
    /// MiB.
    let memory: Int
    /// `KeepCharging` while stopped, `Not-applicable` otherwise (what the real service shows for
    /// pay-as-you-go instances in a VPC).
    let stoppedMode: String
    /// A UUID that stays the same for the instance: its ID hashed (FNV-1a).
    let serialNumber: String

    /// Pay-as-you-go instances do not expire: the real service shows this.
    static let expiredTime = "2099-12-31T15:59Z"

    init(_ instance: Instance) {
        image = Image.find(instance.imageId)
        type = InstanceType.find(instance.instanceType)
        cpu = type?.cpuCoreCount ?? 0
        memory = (type?.memorySize ?? 0) * 1024
        stoppedMode = instance.status == .stopped ? "KeepCharging" : "Not-applicable"
        serialNumber = Self.uuid(hashing: instance.id)
    }

    static func uuid(hashing text: String) -> String {
        var hashes: [UInt64] = [0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4]
        for index in hashes.indices {
            for byte in text.utf8 {
                hashes[index] ^= UInt64(byte)
                hashes[index] = hashes[index] &* 0x100_0000_01b3
            }
        }
        let hex = hashes.map { hash in
            let digits = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }.joined()
        let parts = [hex.prefix(8), hex.dropFirst(8).prefix(4), hex.dropFirst(12).prefix(4), hex.dropFirst(16).prefix(4), hex.dropFirst(20).prefix(12)]
        return parts.joined(separator: "-")
    }
}
