/// An Alibaba Cloud product whose RPC API havip speaks, and the API version its actions are addressed under
/// (`Version`, `x-acs-version`). The server's action table and the client both take the version from here.
public enum Product: String, Sendable, CaseIterable {
    case vpc = "Vpc"
    case ecs = "Ecs"
    case sts = "Sts"

    /// The API version every action of the product is served under.
    public var version: String {
        switch self {
        case .vpc: "2016-04-28"
        case .ecs: "2014-05-26"
        case .sts: "2015-04-01"
        }
    }

    /// Whether the product's service puts `RequestId` into an answer's map before its other top-level keys,
    /// which decides where it goes among the keys of its own ``JavaHashMapOrder`` bucket (`PageSize`,
    /// `NextToken`): ECS does (its 2021 DescribeInstances example reads `TotalCount, RequestId, PageSize`),
    /// VPC does not (the DescribeHaVips reference reads `TotalCount, HaVips, PageSize, RequestId,
    /// PageNumber`). STS answers have no key in that bucket.
    public var insertsRequestIdFirst: Bool { self == .ecs }
}
