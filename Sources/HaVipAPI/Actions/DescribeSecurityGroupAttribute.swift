import HaVipModel
import RPCWire

/// ECS `DescribeSecurityGroupAttribute`: a group and its rules, in one direction (`Direction`
/// ingress|egress|all) and on one network type (`NicType`), or all of them.
enum DescribeSecurityGroupAttribute: RPCAction {
    static let name = "DescribeSecurityGroupAttribute"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let region = try parameters.region()
        let id = try parameters.required("SecurityGroupId")
        let direction: RuleDirection? = try parameters.allOr("Direction", error: .securityGroupAttributeParameterInvalid)
        let nicType: NicType? = try parameters.wireValue("NicType", error: .nicTypeNotSupported)
        let view = try await call.read(region) { tx, context in
            try ComputeOperations.securityGroupRules(tx, context, id: id, direction: direction, nicType: nicType)
        }
        let group = view.group
        // Wire order, RequestId (added by the server) aside.
        return RPCResponse([
            .init("Description", .string(group.description)),
            .init("SecurityGroupName", .string(group.name)),
            .init("VpcId", .string(group.vpcId)),
            .init("NextToken", ""),
            .init("SecurityGroupId", .string(group.id)),
            .init("Permissions", .list(item: "Permission", view.rules.map { ResponseNode.permission($0, peerNames: view.peerNames) })),
            .init("InnerAccessPolicy", "Accept"),
            .init("RegionId", .string(group.regionId)),
        ])
    }
}
