import HaVipModel
import RPCWire

/// VPC `ModifyVpcAttribute`: name, description and CIDR block (IPv6 and DNS host names are not modelled:
/// docs/compatibility.md). `RegionId` is optional: without it, the VPC's own region.
enum ModifyVpcAttribute: RPCAction {
    static let name = "ModifyVpcAttribute"
    static let product = Product.vpc

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("VpcId")
        let region = try await call.region(orRegionOf: Vpc.self, id: id, notFound: .vpcNotFound)
        let (name, description, cidrBlock) = (parameters.optional("VpcName"), parameters.optional("Description"), parameters.optional("CidrBlock"))
        return try await call.write(region) { tx, context in
            try NetworkOperations.modifyVpc(tx, context, id: id, name: name, description: description, cidrBlock: cidrBlock)
            return RPCResponse()
        }
    }
}
