/// The resource types tags and resource groups apply to. The raw value is what the tags table keeps
/// (and VPC's ListTagResources answers); the tag actions accept any case.
public enum ResourceType: String, Sendable, CaseIterable, SQLConvertible {
    // VPC 2016-04-28
    case haVip = "HAVIP"
    case vpc = "VPC"
    case vSwitch = "VSWITCH"
    case eip = "EIP"
    // ECS 2014-05-26
    case instance = "INSTANCE"
    case securityGroup = "SECURITYGROUP"
    case eni = "ENI"
    case disk = "DISK"

    /// Which product's tag actions name the type.
    public enum Service: Sendable {
        case vpc
        case ecs
    }

    public var service: Service {
        switch self {
        case .haVip, .vpc, .vSwitch, .eip: .vpc
        case .instance, .securityGroup, .eni, .disk: .ecs
        }
    }

    /// The codes the product's tag actions answer.
    public var tagErrors: TagErrors { service == .vpc ? .vpc : .ecs }

    /// What the product's tag actions answer for a resource ID that names nothing.
    public var resourceNotFound: APIError { service == .vpc ? .resourceIdNotFound : .ecsResourceNotFound }

    /// How ECS spells the type in its answers: lower case (`instance`, `securitygroup`, `eni`, `disk`).
    public var ecsName: String { rawValue.lowercased() }

    /// The VPC type for a wire value in any case (`HaVip`, `havip`, `HAVIP`), or `InvalidInstanceType.NotFound`.
    public init(wireName: String) throws(APIError) {
        guard let type = ResourceType(rawValue: wireName.uppercased()), type.service == .vpc else { throw .resourceTypeInvalid }
        self = type
    }

    /// The ECS type for a wire value in any case (`instance`, `securitygroup`, `eni`, `disk`), or
    /// `InvalidResourceType.NotFound`.
    public init(ecsName: String) throws(APIError) {
        guard let type = ResourceType(rawValue: ecsName.uppercased()), type.service == .ecs else { throw .ecsResourceTypeNotFound }
        self = type
    }

    /// The record that proves a resource of this type exists.
    var record: any TaggableRecord.Type {
        switch self {
        case .haVip: HaVip.self
        case .vpc: Vpc.self
        case .vSwitch: VSwitch.self
        case .eip: Eip.self
        case .instance: Instance.self
        case .securityGroup: SecurityGroup.self
        case .eni: NetworkInterface.self
        case .disk: Disk.self
        }
    }
}
