import HaVipModel
import RPCWire

/// The catalogue havip offers (images, instance types, zones), each object's fields in wire order.
extension ResponseNode {
    /// A DescribeImages item (25 fields).
    static func image(_ image: Image) -> ResponseNode {
        .object([
            .init("ImageOwnerAlias", "system"),
            .init("Description", .string(image.description)),
            .init("IsSelfShared", ""),
            .init("ResourceGroupId", ""),
            .init("Platform", .string(image.platform)),
            .init("IsSubscribed", .bool(false)),
            .init("Size", .int(image.size)),
            .init("OSName", .string(image.osName)),
            .init("ImageId", .string(image.id)),
            .init("OSNameEn", .string(image.osNameEn)),
            .init("Tags", .ecsTags([])),
            .init("Status", "Available"),
            .init("Progress", "100%"),
            .init("Usage", "instance"),
            .init("Architecture", .string(image.architecture)),
            .init("ProductCode", ""),
            .init("IsCopied", .bool(false)),
            .init("ImageFamily", .string(image.imageFamily)),
            .init("IsSupportIoOptimized", .bool(true)),
            .init("IsSupportCloudinit", .bool(true)),
            .init("ImageName", .string(image.name)),
            .init("DiskDeviceMappings", .list(item: "DiskDeviceMapping", [.object([
                .init("SnapshotId", ""), .init("Type", "system"), .init("Progress", "100%"), .init("Format", ""), .init("Device", "/dev/xvda"),
                .init("Size", .string(String(image.size))), .init("ImportOSSBucket", ""), .init("ImportOSSObject", ""), .init("RemainTime", .int(0)),
            ])])),
            .init("ImageVersion", ""),
            .init("OSType", .string(image.osType)),
            .init("CreationTime", .string(image.creationTime)),
        ])
    }

    /// A DescribeInstanceTypes item (the 22 fields of the real service's answer).
    static func instanceType(_ type: InstanceType) -> ResponseNode {
        .object([
            .init("MemorySize", .int(type.memorySize)),
            .init("InstancePpsTx", .int(type.packetsPerSecond)),
            .init("MaximumQueueNumberPerEni", .int(type.queuesPerEni)),
            .init("EniIpv6AddressQuantity", .int(type.eniIpv6AddressQuantity)),
            .init("PrimaryEniQueueNumber", .int(type.queuesPerEni)),
            .init("CpuCoreCount", .int(type.cpuCoreCount)),
            .init("TotalEniQueueQuantity", .int(type.queuesPerEni * type.eniQuantity)),
            .init("EniTotalQuantity", .int(type.eniQuantity)),
            .init("EniTrunkSupported", .bool(true)),
            .init("InstanceTypeFamily", .string(type.family)),
            .init("InstancePpsRx", .int(type.packetsPerSecond)),
            .init("EniQuantity", .int(type.eniQuantity)),
            .init("InstanceBandwidthRx", .int(type.bandwidth)),
            .init("GPUAmount", .int(0)),
            .init("InstanceBandwidthTx", .int(type.bandwidth)),
            .init("SecondaryEniQueueNumber", .int(type.queuesPerEni)),
            .init("DiskQuantity", .int(type.diskQuantity)),
            .init("LocalStorageCategory", ""),
            .init("GPUSpec", ""),
            .init("InstanceFamilyLevel", "EnterpriseLevel"),
            .init("InstanceTypeId", .string(type.id)),
            .init("EniPrivateIpAddressQuantity", .int(type.eniPrivateIpAddressQuantity)),
        ])
    }

    /// An ECS DescribeZones item (10 fields): every zone offers every instance type and disk category.
    static func ecsZone(_ zone: Zone, language: DisplayLanguage) -> ResponseNode {
        let types = InstanceType.builtIn.map(\.id)
        let categories = DiskCategory.allCases.map(\.rawValue)
        return .object([
            .init("DedicatedHostGenerations", .strings(item: "DedicatedHostGeneration", [])),
            .init("AvailableInstanceTypes", .strings(item: "InstanceTypes", types)),
            .init("ZoneId", .string(zone.id)),
            .init("AvailableDedicatedHostTypes", .strings(item: "DedicatedHostType", [])),
            .init("AvailableResources", .list(item: "ResourcesInfo", [.object([
                .init("InstanceGenerations", .strings(item: "supportedInstanceGeneration", ["ecs-5"])),
                .init("NetworkTypes", .strings(item: "supportedNetworkCategory", ["vpc"])),
                .init("IoOptimized", .bool(true)),
                .init("SystemDiskCategories", .strings(item: "supportedSystemDiskCategory", categories)),
                .init("InstanceTypes", .strings(item: "supportedInstanceType", types)),
                .init("InstanceTypeFamilies", .strings(item: "supportedInstanceTypeFamily", Array(Set(InstanceType.builtIn.map(\.family))).sorted())),
                .init("DataDiskCategories", .strings(item: "supportedDataDiskCategory", categories)),
            ])])),
            .init("AvailableDiskCategories", .strings(item: "DiskCategories", categories)),
            .init("LocalName", .string(zone.name(in: language))),
            .init("ZoneType", "AvailabilityZone"),
            .init("AvailableResourceCreation", .strings(item: "ResourceTypes", ["VSwitch", "IoOptimized", "Instance", "Disk"])),
            .init("AvailableVolumeCategories", .strings(item: "VolumeCategories", [])),
        ])
    }
}
