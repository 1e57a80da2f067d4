import HaVipModel
import RPCWire

/// VPC `CreateVpc`.
enum CreateVpc: RPCAction {
    static let name = "CreateVpc"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let cidr = parameters.optional("CidrBlock")
        let name = parameters["VpcName"]
        let description = parameters["Description"]
        let group = parameters.optional("ResourceGroupId")
        let tags = try parameters.tags()
        return try await call.write(region, idempotent: true) { tx, context in
            let vpc = try NetworkOperations.createVpc(
                tx, context, cidrBlock: cidr, name: name, description: description, resourceGroupId: group, tags: tags)
            return RPCResponse([
                .init("VRouterId", .string(vpc.vRouterId)), .init("RouteTableId", .string(vpc.routeTableId)),
                .init("ResourceGroupId", .string(vpc.resourceGroupId)), .init("VpcId", .string(vpc.id)),
            ])
        }
    }
}
