/// How many HaVips an account has in a region, a VPC or a vSwitch, kept in the same transaction as every
/// create and removal, so that DescribeHaVips answers an exact `TotalCount` for those scopes without
/// counting (a COUNT over a million index entries is tens of milliseconds).
public struct HaVipCounter: Equatable, Sendable {
    public var account: AccountID
    public var key: String
    public var count: Int

    public static func regionKey(_ regionId: String) -> String { "region:\(regionId)" }
    public static func vpcKey(_ regionId: String, _ vpcId: String) -> String { "vpc:\(regionId):\(vpcId)" }
    public static func vSwitchKey(_ regionId: String, _ vSwitchId: String) -> String { "vswitch:\(regionId):\(vSwitchId)" }

    /// Not a count: the version of the region's HaVip listings (``PageMarks``), a random token replaced in
    /// the transaction of every HaVip added to or removed from the region. Random rather than counted up:
    /// a restored snapshot brings back the token of its own rows, and a reset removes it (no version: no
    /// marks), so a token never comes back for rows other than those it was drawn for.
    public static func listingVersionKey(_ regionId: String) -> String { "listing:\(regionId)" }

    /// The counters one HaVip is counted in.
    public static func keys(of haVip: HaVip) -> [String] {
        [regionKey(haVip.regionId), vpcKey(haVip.regionId, haVip.vpcId), vSwitchKey(haVip.regionId, haVip.vSwitchId)]
    }
}

extension HaVipCounter: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(table: "havip_counters", columns: column, blank: HaVipCounter(account: AccountID(""), key: "", count: 0))

    /// The columns of `havip_counters`.
    public final class Columns: Sendable {
        public let key = Column(\HaVipCounter.key, "key")
        public let account = Column(\HaVipCounter.account, "account")
        public let count = Column(\HaVipCounter.count, "count")
    }
}
extension HaVipCounter {
    /// Adds `delta` to the counters a HaVip is counted in.
    static func add(_ delta: Int, for haVip: HaVip, _ tx: some StoreTransaction) throws {
        for key in keys(of: haVip) { try add(delta, key: key, account: haVip.account, tx) }
        try renewListingVersion(haVip.regionId, account: haVip.account, tx)
    }

    /// Gives the region's listings a new version: the order of its HaVips changed.
    static func renewListingVersion(_ regionId: String, account: AccountID, _ tx: some StoreTransaction) throws {
        let version = Int.random(in: 1...Int.max)
        if var counter = try tx.fetch(HaVipCounter.self, listingVersionKey(regionId), account: account, forUpdate: true) {
            counter.count = version
            try tx.update(counter)
        } else {
            try tx.insert(HaVipCounter(account: account, key: listingVersionKey(regionId), count: version))
        }
    }

    /// The version of the region's listings, nil when none was drawn since the rows were last replaced whole.
    static func listingVersion(_ regionId: String, account: AccountID, _ tx: some StoreTransaction) throws -> Int? {
        try tx.fetch(HaVipCounter.self, listingVersionKey(regionId), account: account)?.count
    }

    static func add(_ delta: Int, key: String, account: AccountID, _ tx: some StoreTransaction) throws {
        if var counter = try tx.fetch(HaVipCounter.self, key, account: account, forUpdate: true) {
            counter.count += delta
            try tx.update(counter)
        } else {
            try tx.insert(HaVipCounter(account: account, key: key, count: delta))
        }
    }

    /// The count for a key (0 when nothing was ever counted there).
    static func value(_ key: String, account: AccountID, _ tx: some StoreTransaction) throws -> Int {
        try tx.fetch(HaVipCounter.self, key, account: account)?.count ?? 0
    }
}
