extension Region {
    /// The region with this ID, or nil.
    public static func find(_ id: String) -> Region? { byId[id] }

    private static let byId: [String: Region] = Dictionary(uniqueKeysWithValues: builtIn.map { ($0.id, $0) })

    /// The VPC endpoint the Tea SDK resolves for this region: `vpc.aliyuncs.com` for cn-hangzhou,
    /// `vpc.<region>.aliyuncs.com` for the others.
    public var vpcEndpoint: String {
        id == "cn-hangzhou" ? "vpc.aliyuncs.com" : "vpc.\(id).aliyuncs.com"
    }

    /// The ECS endpoint ECS DescribeRegions names: the central `ecs.aliyuncs.com` for the regions the SDKs
    /// send there (aliyun-python-sdk-core's endpoints.json), `ecs.<region>.aliyuncs.com` for the others.
    public var ecsEndpoint: String {
        Self.centralECSRegions.contains(id) ? "ecs.aliyuncs.com" : "ecs.\(id).aliyuncs.com"
    }

    private static let centralECSRegions: Set<String> = [
        "cn-qingdao", "cn-beijing", "cn-hangzhou", "cn-shanghai", "cn-shenzhen", "cn-hongkong", "ap-southeast-1", "us-west-1", "us-east-1",
    ]

    public func name(in language: DisplayLanguage) -> String {
        language == .chinese ? chineseName : englishName
    }
}

extension Zone {
    public func name(in language: DisplayLanguage) -> String {
        language == .chinese ? chineseName : englishName
    }
}

/// The language of `LocalName` fields (`AcceptLanguage`).
public enum DisplayLanguage: Sendable {
    case chinese
    case english

    /// The languages ECS accepts in `AcceptLanguage` (any case): others are `InvalidAcceptLanguage.NotFound` there.
    public static let ecsAcceptLanguages: Set<String> = ["zh-cn", "en-us", "ja"]

    /// `zh-CN` (the default) or `en-US`, any case; `ja` and other languages get English names.
    public init(acceptLanguage: String?) {
        guard let acceptLanguage, !acceptLanguage.isEmpty else {
            self = .chinese
            return
        }
        self = acceptLanguage.lowercased().hasPrefix("zh") ? .chinese : .english
    }
}
