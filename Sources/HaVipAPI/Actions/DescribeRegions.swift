import HaVipModel
import RPCWire

/// VPC `DescribeRegions`: the built-in region catalogue.
enum DescribeRegions: RPCAction {
    static let name = "DescribeRegions"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let language = DisplayLanguage(acceptLanguage: call.parameters.optional("AcceptLanguage"))
        let regions = Region.builtIn.map { region in
            ResponseNode.object([
                .init("RegionId", .string(region.id)),
                .init("RegionEndpoint", .string(region.vpcEndpoint)),
                .init("LocalName", .string(region.name(in: language))),
            ])
        }
        return RPCResponse([.init("Regions", .list(item: "Region", regions))])
    }
}
