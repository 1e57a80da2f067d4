/// A cloud disk. havip makes one per instance, its system disk, created and released with it.
public struct Disk: Equatable, Sendable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var zoneId: String
    /// The instance it is attached to; nil when detached.
    public var instanceId: String?
    public var type: DiskType
    public var category: DiskCategory
    /// GiB.
    public var size: Int
    public var name: String
    public var description: String
    /// Where it is attached, e.g. `/dev/xvda`.
    public var device: String
    public var status: DiskStatus
    public var deleteWithInstance: Bool
    public var resourceGroupId: String
    public var createdAt: Double
    public var attachedAt: Double?

    /// The device name of an instance's system disk.
    public static let systemDevice = "/dev/xvda"
}

extension Disk: TaggableRecord {
    public static let resourceType = ResourceType.disk
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "disks", columns: column,
        blank: Disk(
            id: "", account: AccountID(""), regionId: "", zoneId: "", instanceId: nil, type: .system, category: .cloudEfficiency, size: 0,
            name: "", description: "", device: "", status: .inUse, deleteWithInstance: true, resourceGroupId: "", createdAt: 0,
            attachedAt: nil))

    /// The columns of `disks`.
    public final class Columns: RegionalColumns {
        public let id = Column(\Disk.id, "id")
        public let account = Column(\Disk.account, "account")
        public let regionId = Column(\Disk.regionId, "region_id")
        public let zoneId = Column(\Disk.zoneId, "zone_id")
        public let instanceId = Column(\Disk.instanceId, "instance_id")
        public let type = Column(\Disk.type, "type")
        public let category = Column(\Disk.category, "category")
        public let size = Column(\Disk.size, "size")
        public let name = Column(\Disk.name, "name")
        public let description = Column(\Disk.description, "description")
        public let device = Column(\Disk.device, "device")
        public let status = Column(\Disk.status, "status")
        public let deleteWithInstance = Column(\Disk.deleteWithInstance, "delete_with_instance")
        public let resourceGroupId = Column(\Disk.resourceGroupId, "resource_group_id")
        public let createdAt = Column(\Disk.createdAt, "created_at")
        public let attachedAt = Column(\Disk.attachedAt, "attached_at")
    }
}
