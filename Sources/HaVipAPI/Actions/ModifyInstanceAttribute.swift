import HaVipModel
import RPCWire

/// ECS `ModifyInstanceAttribute`: name, description, host name, password (checked, not kept), user data,
/// release protection and security groups (RegionId optional: the instance's own).
enum ModifyInstanceAttribute: RPCAction {
    static let name = "ModifyInstanceAttribute"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let parameters = call.parameters
        let id = try parameters.required("InstanceId")
        var changes = ComputeOperations.InstanceChanges()
        (changes.name, changes.description, changes.hostName) = (parameters["InstanceName"], parameters["Description"], parameters["HostName"])
        (changes.password, changes.userData) = (parameters["Password"], parameters["UserData"])
        if parameters.optional("DeletionProtection") != nil { changes.deletionProtection = try parameters.boolean("DeletionProtection", default: false) }
        changes.securityGroupIds = try parameters.ids("SecurityGroupIds", max: 5, error: .instanceSecurityGroupLimit)
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        return try await call.write(region) { [changes] tx, context in
            try ComputeOperations.modifyInstance(tx, context, id: id, changes)
            return RPCResponse()
        }
    }
}
