import HaVipModel
import RPCWire

/// VPC `CreateVSwitch`: a /16 to /29 block inside the VPC, overlapping no other vSwitch, in a zone of the region.
enum CreateVSwitch: RPCAction {
    static let name = "CreateVSwitch"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let vpcId = try parameters.required("VpcId")
        let zoneId = try parameters.required("ZoneId")
        let cidr = try parameters.required("CidrBlock")
        let region = try await call.region(orRegionOf: Vpc.self, id: vpcId, notFound: .vpcNotFound)
        let name = parameters["VSwitchName"]
        let description = parameters["Description"]
        let tags = try parameters.tags()
        return try await call.write(region, idempotent: true) { tx, context in
            let vSwitch = try NetworkOperations.createVSwitch(
                tx, context, vpcId: vpcId, zoneId: zoneId, cidrBlock: cidr, name: name, description: description, tags: tags)
            return RPCResponse([.init("VSwitchId", .string(vSwitch.id))])
        }
    }
}
