import HaVipModel
import RPCWire

extension ResponseNode {
    /// A DescribeDisks item: the SDK model's 51 fields but `Placement` and `DataSource` (49, still a
    /// HashMap of capacity 128 like the 51), in wire order.
    static func disk(_ view: DiskView) -> ResponseNode {
        let disk = view.disk
        let attachedAt = disk.attachedAt.map(ResponseNode.time) ?? ""
        let attachments: [ResponseNode] = disk.instanceId.map { instanceId in
            [.object([.init("AttachedTime", attachedAt), .init("InstanceId", .string(instanceId)), .init("Device", .string(disk.device))])]
        } ?? []
        return .object([
            .init("KMSKeyId", ""),
            .init("ResourceGroupId", .string(disk.resourceGroupId)),
            .init("Encrypted", .bool(false)),
            .init("Size", .int(disk.size)),
            .init("DeleteAutoSnapshot", .bool(true)),
            .init("IOPS", .int(disk.category.iops(size: disk.size))),
            .init("MultiAttach", "Disabled"),
            .init("SourceDiskId", ""),
            .init("ExpiredTime", .string(InstanceFacts.expiredTime)),
            .init("ImageId", ""),
            .init("StorageSetId", ""),
            .init("Tags", .ecsTags(view.tags)),
            .init("Status", .string(disk.status.rawValue)),
            .init("AttachedTime", attachedAt),
            .init("IOPSRead", .int(0)),
            .init("IOPSWrite", .int(0)),
            .init("InstanceId", .string(disk.instanceId ?? "")),
            .init("ProductCode", ""),
            .init("Device", .string(disk.instanceId == nil ? "" : disk.device)),
            .init("DeleteWithInstance", .bool(disk.deleteWithInstance)),
            .init("ProvisionedIops", .int(0)),
            .init("BdfId", ""),
            .init("ThroughputWrite", .int(0)),
            .init("Portable", .bool(disk.type == .data)),
            .init("MountInstanceNum", .int(disk.instanceId == nil ? 0 : 1)),
            .init("SerialNumber", .string(String(disk.id.dropFirst(2)))),
            .init("CreationTime", .time(disk.createdAt)),
            .init("DiskId", .string(disk.id)),
            .init("DetachedTime", ""),
            .init("Category", .string(disk.category.rawValue)),
            .init("Description", .string(disk.description)),
            .init("ThroughputRead", .int(0)),
            .init("DiskChargeType", "PostPaid"),
            .init("Throughput", .int(0)),
            .init("StorageSetPartitionNumber", .int(0)),
            .init("Attachments", .list(item: "Attachment", attachments)),
            .init("BurstingEnabled", .bool(false)),
            .init("StorageClusterId", ""),
            .init("ZoneId", .string(disk.zoneId)),
            .init("SourceSnapshotId", ""),
            .init("PerformanceLevel", .string(disk.category.performanceLevel)),
            .init("EnableAutomatedSnapshotPolicy", .bool(false)),
            .init("EnableAutoSnapshot", .bool(false)),
            .init("AutoSnapshotPolicyId", ""),
            .init("DiskName", .string(disk.name)),
            .init("OperationLocks", .list(item: "OperationLock", [])),
            .init("Type", .string(disk.type.rawValue)),
            .init("MountInstances", .list(item: "MountInstance", [])),
            .init("RegionId", .string(disk.regionId)),
        ])
    }
}
