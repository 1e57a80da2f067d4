/// An Alibaba Cloud region with its availability zones, as `DescribeRegions` and `DescribeZones` list them.
public struct Region: Sendable, Hashable {
    /// The wire ID, e.g. `cn-hangzhou`.
    public let id: String
    /// The name shown for `AcceptLanguage=zh-CN` (the default), e.g. `华东1（杭州）`.
    public let chineseName: String
    /// The name shown for `AcceptLanguage=en-US`, e.g. `China (Hangzhou)`.
    public let englishName: String
    /// Zones in the order the real service lists them.
    public let zones: [Zone]

    public init(id: String, chineseName: String, englishName: String, zones: [Zone]) {
        self.id = id
        self.chineseName = chineseName
        self.englishName = englishName
        self.zones = zones
    }
}

/// An availability zone of a region.
public struct Zone: Sendable, Hashable {
    /// The wire ID, e.g. `cn-hangzhou-h`.
    public let id: String
    /// e.g. `杭州 可用区H`.
    public let chineseName: String
    /// e.g. `Hangzhou Zone H`.
    public let englishName: String

    public init(id: String, chineseName: String, englishName: String) {
        self.id = id
        self.chineseName = chineseName
        self.englishName = englishName
    }
}
