import HaVipModel
import RPCWire

/// ECS `DescribeAvailableResource`: what can be made in each zone of a region. Every zone offers every
/// built-in instance type and disk category, on VPC networks only, always in stock.
enum DescribeAvailableResource: RPCAction {
    static let name = "DescribeAvailableResource"
    static let product = Product.ecs
    static let destinations: Set<String> = ["Zone", "IoOptimized", "InstanceType", "SystemDisk", "DataDisk", "Network", "ddh"]
    static let spotStrategies: Set<String> = ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"]

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        guard let region = Region.find(try parameters.required("RegionId")) else { throw APIError.availableResourceRegionNotFound }
        guard let destination = parameters.optional("DestinationResource") else { throw APIError.destinationResourceMissing }
        guard destinations.contains(destination) else { throw APIError.destinationResourceInvalid }
        _ = try parameters.wireValue("InstanceChargeType", default: InstanceChargeType.postPaid, error: .availableResourceChargeTypeInvalid)
        _ = try parameters.oneOf("SpotStrategy", spotStrategies, error: .availableResourceSpotStrategyInvalid)
        let ioOptimized = try parameters.oneOf("IoOptimized", ["optimized", "none"], error: .ioOptimizedInvalid)
        let network = try parameters.oneOf("NetworkCategory", ["vpc", "classic"], error: .networkCategoryInvalid)
        _ = try parameters.oneOf("ResourceType", ["instance", "disk", "reservedinstance", "ddh"], error: .availableResourceTypeInvalid)
        let cores = try parameters.number("Cores", error: .invalidParameter("Cores"))
        let memory = parameters.optional("Memory").map { Double($0) }
        let types = InstanceType.builtIn.filter { type in
            (parameters.optional("InstanceType").map { $0 == type.id } ?? true) && (cores.map { $0 == type.cpuCoreCount } ?? true)
                && (memory.map { $0 == Double(type.memorySize) } ?? true)
        }
        let offered = network != "classic" && ioOptimized != "none" && !types.isEmpty
        let zones = region.zones.filter { zone in offered && (parameters.optional("ZoneId").map { $0 == zone.id } ?? true) }
        let items = zones.map { zone in
            ResponseNode.object([
                .init("Status", "Available"), .init("StatusCategory", "WithStock"), .init("ZoneId", .string(zone.id)),
                .init("AvailableResources", .list(item: "AvailableResource", [.object([
                    .init("Type", .string(destination)),
                    .init("SupportedResources", .list(item: "SupportedResource", values(destination, zone: zone, types: types).map { value in
                        .object([.init("Status", "Available"), .init("StatusCategory", "WithStock"), .init("Value", .string(value))])
                    })),
                ])])),
                .init("RegionId", .string(region.id)),
            ])
        }
        return RPCResponse([.init("AvailableZones", .list(item: "AvailableZone", items))])
    }

    /// What a zone offers of the resource asked about.
    static func values(_ destination: String, zone: Zone, types: [InstanceType]) -> [String] {
        switch destination {
        case "Zone": [zone.id]
        case "IoOptimized": ["optimized"]
        case "InstanceType": types.map(\.id)
        case "SystemDisk", "DataDisk": DiskCategory.allCases.map(\.rawValue)
        case "Network": ["vpc"]
        default: []
        }
    }
}
