import HaVipModel
import RPCWire

/// ECS `DescribeImages`: the built-in public images (the same in every region), by ID (a comma list),
/// name, owner, status, OS type, architecture, usage, instance type and family; paged.
enum DescribeImages: RPCAction {
    static let name = "DescribeImages"
    static let product = Product.ecs
    static let owners: Set<String> = ["system", "self", "others", "marketplace"]
    static let osTypes: Set<String> = ["linux", "windows"]
    static let architectures: Set<String> = ["i386", "x86_64", "arm64"]
    static let usages: Set<String> = ["instance", "none"]

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let page = try parameters.paging(maxSize: 100)
        let owner = try parameters.oneOf("ImageOwnerAlias", owners, error: .imageOwnerAliasNotSupported)
        let osType = try parameters.oneOf("OSType", osTypes, error: .imageOSTypeInvalid)
        let architecture = try parameters.oneOf("Architecture", architectures, error: .imageArchitectureInvalid)
        let usage = try parameters.oneOf("Usage", usages, error: .imageUsageInvalid)
        if let type = parameters.optional("InstanceType"), InstanceType.find(type) == nil { throw APIError.ecsInstanceTypeNotSupported }
        let ids = try parameters.commaSeparated("ImageId", max: 100)
        let statuses = try parameters.commaSeparated("Status", max: 10)
        let tags = try parameters.ecsTagFilters()
        let matching = Image.builtIn.filter { image in
            (ids.isEmpty || ids.contains(image.id)) && (parameters.optional("ImageName").map { $0 == image.name } ?? true)
                && (owner.map { $0 == "system" } ?? true) && (statuses.isEmpty || statuses.contains("Available"))
                && (osType.map { $0 == image.osType } ?? true) && (architecture.map { $0 == image.architecture } ?? true)
                && (usage.map { $0 == "instance" } ?? true) && (parameters.optional("ImageFamily").map { $0 == image.imageFamily } ?? true)
                && tags.isEmpty
        }
        let items = matching.dropFirst(page.offset).prefix(page.size).map(ResponseNode.image)
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("TotalCount", .int(matching.count)), .init("PageSize", .int(page.size)), .init("PageNumber", .int(page.number)),
            .init("Images", .list(item: "Image", Array(items))), .init("RegionId", .string(region.id)),
        ])
    }
}
