import HaVipModel
import RPCWire

/// VPC `DescribeZones`: the zones of one region.
enum DescribeZones: RPCAction {
    static let name = "DescribeZones"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let language = DisplayLanguage(acceptLanguage: call.parameters.optional("AcceptLanguage"))
        let zoneType = call.parameters.optional("ZoneType") ?? "AvailabilityZone"
        guard zoneType == "AvailabilityZone" else { throw APIError.invalidParameter("ZoneType") }
        let zones = region.zones.map { zone in
            ResponseNode.object([
                .init("ZoneId", .string(zone.id)),
                .init("LocalName", .string(zone.name(in: language))),
                .init("ZoneType", .string(zoneType)),
            ])
        }
        return RPCResponse([.init("Zones", .list(item: "Zone", zones))])
    }
}
