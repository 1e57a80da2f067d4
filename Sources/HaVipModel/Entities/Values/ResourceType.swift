/// The resource types tags and resource groups apply to, as the wire spells them canonically (the tag
/// actions accept any case; ListTagResources answers these).
public enum ResourceType: String, Sendable, CaseIterable, SQLConvertible {
    case haVip = "HAVIP"
    case vpc = "VPC"
    case vSwitch = "VSWITCH"
    case eip = "EIP"

    /// The type for a wire value in any case (`HaVip`, `havip`, `HAVIP`), or `InvalidInstanceType.NotFound`.
    public init(wireName: String) throws(APIError) {
        guard let type = ResourceType(rawValue: wireName.uppercased()) else { throw .resourceTypeInvalid }
        self = type
    }

    /// The record that proves a resource of this type exists.
    var record: any TaggableRecord.Type {
        switch self {
        case .haVip: HaVip.self
        case .vpc: Vpc.self
        case .vSwitch: VSwitch.self
        case .eip: Eip.self
        }
    }
}
