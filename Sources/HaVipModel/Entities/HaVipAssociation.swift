/// One instance or ENI associated with a HaVip. `position` keeps the order they were associated in.
public struct HaVipAssociation: Equatable, Sendable {
    public var account: AccountID
    public var haVipId: String
    public var instanceId: String
    public var instanceType: AssociatedInstanceType
    public var position: Double

    /// The primary key: one association per HaVip and instance.
    public var key: String { "\(haVipId)/\(instanceId)" }
}

extension HaVipAssociation: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(
        table: "havip_associations", columns: column,
        blank: HaVipAssociation(account: AccountID(""), haVipId: "", instanceId: "", instanceType: .ecsInstance, position: 0))

    /// The columns of `havip_associations`.
    public final class Columns: Sendable {
        public let key = Column(computed: \HaVipAssociation.key, "key")
        public let account = Column(\HaVipAssociation.account, "account")
        public let haVipId = Column(\HaVipAssociation.haVipId, "havip_id")
        public let instanceId = Column(\HaVipAssociation.instanceId, "instance_id")
        public let instanceType = Column(\HaVipAssociation.instanceType, "instance_type")
        public let position = Column(\HaVipAssociation.position, "position")
    }
}
