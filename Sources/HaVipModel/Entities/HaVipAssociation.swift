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
