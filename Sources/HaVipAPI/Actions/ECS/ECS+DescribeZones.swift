import HaVipModel
import RPCWire

extension ECS {
    /// ECS `DescribeZones` (2014-05-26): a region's zones with what can be made in them (the same zones as
    /// the VPC action; every instance type and disk category in every zone).
    enum DescribeZones: RPCAction {
        static let name = "DescribeZones"
        static let product = Product.ecs
        static let spotStrategies: Set<String> = ["NoSpot", "SpotWithPriceLimit", "SpotAsPriceGo"]

        static func run(_ call: ActionCall) async throws -> RPCResponse {
            let parameters = call.parameters
            let region = try parameters.region()
            _ = try parameters.wireValue("InstanceChargeType", default: InstanceChargeType.postPaid, error: .instanceChargeTypeNotFound)
            if let strategy = parameters.optional("SpotStrategy"), !spotStrategies.contains(strategy) { throw APIError.spotStrategyInvalid }
            _ = try parameters.boolean("Verbose", default: true)
            let language = try parameters.ecsLanguage()
            return RPCResponse([.init("Zones", .list(item: "Zone", region.zones.map { ResponseNode.ecsZone($0, language: language) }))])
        }
    }
}
