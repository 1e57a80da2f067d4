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
}
