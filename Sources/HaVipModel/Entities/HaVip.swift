/// The status of a HaVip. `Creating → Available`, `Associating → InUse`,
/// `Unassociating → InUse | Available`, `Deleting → gone`.
public enum HaVipStatus: String, Sendable, CaseIterable {
    case creating = "Creating"
    case available = "Available"
    case associating = "Associating"
    case inUse = "InUse"
    case unassociating = "Unassociating"
    case deleting = "Deleting"
    /// Never shown: the target of `Deleting`, after which the row is removed.
    case deleted = "Deleted"
}

/// What a HaVip is associated with; never a mix.
public enum AssociatedInstanceType: String, Sendable, CaseIterable {
    case ecsInstance = "EcsInstance"
    case networkInterface = "NetworkInterface"
}

/// A high-availability virtual IP: a private address of a vSwitch that can float between instances.
public struct HaVip: StoredRecord, Equatable {
    public var id: String
    public var account: AccountID
    public var regionId: String
    public var vpcId: String
    public var vSwitchId: String
    public var ipAddress: String
    public var status: HaVipStatus
    /// The status a pending transition will reach at ``dueAt``.
    public var nextStatus: HaVipStatus?
    public var dueAt: Double?
    public var name: String
    public var description: String
    public var resourceGroupId: String
    public var masterInstanceId: String?
    public var associatedInstanceType: AssociatedInstanceType?
    public var createdAt: Double

    public init(
        id: String, account: AccountID, regionId: String, vpcId: String, vSwitchId: String, ipAddress: String,
        status: HaVipStatus, nextStatus: HaVipStatus? = nil, dueAt: Double? = nil, name: String = "", description: String = "",
        resourceGroupId: String, masterInstanceId: String? = nil, associatedInstanceType: AssociatedInstanceType? = nil,
        createdAt: Double
    ) {
        self.id = id
        self.account = account
        self.regionId = regionId
        self.vpcId = vpcId
        self.vSwitchId = vSwitchId
        self.ipAddress = ipAddress
        self.status = status
        self.nextStatus = nextStatus
        self.dueAt = dueAt
        self.name = name
        self.description = description
        self.resourceGroupId = resourceGroupId
        self.masterInstanceId = masterInstanceId
        self.associatedInstanceType = associatedInstanceType
        self.createdAt = createdAt
    }

    public static let table = "havips"
    public static let columns = [
        "id", "account", "region_id", "vpc_id", "vswitch_id", "ip_address", "status", "next_status", "due_at", "name",
        "description", "resource_group_id", "master_instance_id", "associated_instance_type", "created_at",
    ]

    public var values: [SQLValue] {
        [
            .text(id), .text(account.rawValue), .text(regionId), .text(vpcId), .text(vSwitchId), .text(ipAddress),
            .text(status.rawValue), SQLValue(nextStatus?.rawValue), SQLValue(dueAt), .text(name), .text(description),
            .text(resourceGroupId), SQLValue(masterInstanceId), SQLValue(associatedInstanceType?.rawValue), .real(createdAt),
        ]
    }

    public init(row: StoredRow) throws {
        func status(_ text: String) throws -> HaVipStatus {
            guard let status = HaVipStatus(rawValue: text) else { throw StoreError.corruptRow("status \(text)") }
            return status
        }
        self.init(
            id: try row.text(0), account: AccountID(try row.text(1)), regionId: try row.text(2), vpcId: try row.text(3),
            vSwitchId: try row.text(4), ipAddress: try row.text(5), status: try status(row.text(6)),
            nextStatus: try row.optionalText(7).map(status), dueAt: try row.optionalReal(8), name: try row.text(9),
            description: try row.text(10), resourceGroupId: try row.text(11), masterInstanceId: try row.optionalText(12),
            associatedInstanceType: try row.optionalText(13).flatMap(AssociatedInstanceType.init(rawValue:)),
            createdAt: try row.real(14))
    }
}

/// One instance or ENI associated with a HaVip. `position` keeps the order they were associated in.
public struct HaVipAssociation: StoredRecord, Equatable {
    public var account: AccountID
    public var haVipId: String
    public var instanceId: String
    public var instanceType: AssociatedInstanceType
    public var position: Double

    public init(account: AccountID, haVipId: String, instanceId: String, instanceType: AssociatedInstanceType, position: Double) {
        self.account = account
        self.haVipId = haVipId
        self.instanceId = instanceId
        self.instanceType = instanceType
        self.position = position
    }

    public var key: String { Self.key(haVipId: haVipId, instanceId: instanceId) }
    public static func key(haVipId: String, instanceId: String) -> String { "\(haVipId)/\(instanceId)" }

    public static let table = "havip_associations"
    public static let columns = ["key", "account", "havip_id", "instance_id", "instance_type", "position"]

    public var values: [SQLValue] {
        [.text(key), .text(account.rawValue), .text(haVipId), .text(instanceId), .text(instanceType.rawValue), .real(position)]
    }

    public init(row: StoredRow) throws {
        guard let type = AssociatedInstanceType(rawValue: try row.text(4)) else { throw StoreError.corruptRow("instance_type") }
        self.init(account: AccountID(try row.text(1)), haVipId: try row.text(2), instanceId: try row.text(3), instanceType: type, position: try row.real(5))
    }
}
