import HaVipModel
import RPCWire

extension ECS {
    /// ECS `DescribeRegions` (2014-05-26): the built-in region catalogue with ECS endpoints; no RegionId.
    enum DescribeRegions: RPCAction {
        static let name = "DescribeRegions"
        static let product = Product.ecs
        static let resourceTypes: Set<String> = ["instance", "disk", "reservedinstance", "scu"]

        static func run(_ call: ActionCall) async throws -> RPCResponse {
            let language = try call.parameters.ecsLanguage()
            if let type = call.parameters.optional("ResourceType"), !resourceTypes.contains(type) { throw APIError.ecsResourceTypeNotFound }
            let regions = Region.builtIn.map { region in
                ResponseNode.object([
                    .init("Status", "available"), .init("RegionId", .string(region.id)), .init("RegionEndpoint", .string(region.ecsEndpoint)),
                    .init("LocalName", .string(region.name(in: language))),
                ])
            }
            return RPCResponse([.init("Regions", .list(item: "Region", regions))])
        }
    }
}

extension Parameters {
    /// ECS `AcceptLanguage`: `zh-CN` (the default), `en-US` or `ja` (shown in English), any case.
    func ecsLanguage() throws(APIError) -> DisplayLanguage {
        if let text = optional("AcceptLanguage"), !DisplayLanguage.ecsAcceptLanguages.contains(text.lowercased()) {
            throw .acceptLanguageNotFound
        }
        return DisplayLanguage(acceptLanguage: optional("AcceptLanguage"))
    }
}
