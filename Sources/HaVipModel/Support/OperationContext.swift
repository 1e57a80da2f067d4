/// Settings of the emulated cloud. `havip serve` sets the transition delay and the three association and
/// vSwitch limits from its options (docs/configuration.md); the tag limit stays the real service's 20.
public struct ModelSettings: Sendable {
    /// Seconds an asynchronous HaVip transition (Creating, Associating, Unassociating, Deleting) takes; 0 is synchronous.
    public var transitionDelay: Double
    /// How many ECS instances, or ENIs, one HaVip can be associated with.
    public var maxAssociationsPerHaVip: Int
    /// How many HaVips one instance or ENI can be associated with.
    public var maxHaVipsPerInstance: Int
    /// How many vSwitches one VPC can hold.
    public var maxVSwitchesPerVpc: Int
    /// How many tags one resource can carry.
    public var maxTagsPerResource: Int

    public init(
        transitionDelay: Double = 0.2, maxAssociationsPerHaVip: Int = 10, maxHaVipsPerInstance: Int = 10, maxVSwitchesPerVpc: Int = 150,
        maxTagsPerResource: Int = 20
    ) {
        self.transitionDelay = transitionDelay
        self.maxAssociationsPerHaVip = maxAssociationsPerHaVip
        self.maxHaVipsPerInstance = maxHaVipsPerInstance
        self.maxVSwitchesPerVpc = maxVSwitchesPerVpc
        self.maxTagsPerResource = maxTagsPerResource
    }
}

/// Who asks, where, and when: what every model operation runs with.
public struct OperationContext: Sendable {
    public let account: AccountID
    public let regionId: String
    public let now: Double
    public let ids: any IDGenerator
    public let settings: ModelSettings
    /// Where deep pages of listings start, kept between requests (nil: every page is counted from the start).
    public let pageMarks: PageMarks?

    public init(account: AccountID, regionId: String, now: Double, ids: any IDGenerator, settings: ModelSettings, pageMarks: PageMarks? = nil) {
        self.account = account
        self.regionId = regionId
        self.now = now
        self.ids = ids
        self.settings = settings
        self.pageMarks = pageMarks
    }

    /// The account's default resource group, `rg-acfm…`, stable for the account.
    public var defaultResourceGroupId: String { ResourceGroup.defaultId(for: account) }
}
