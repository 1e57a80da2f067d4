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
