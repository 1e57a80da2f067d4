/// ModifyInstanceAttribute: what an instance's owner may change after launch.
extension ComputeOperations {
    /// The attributes a ModifyInstanceAttribute request sets; nil (or empty groups) leaves one as it is.
    public struct InstanceChanges: Sendable {
        public var name: String?
        public var description: String?
        public var hostName: String?
        /// Checked, never kept.
        public var password: String?
        public var userData: String?
        public var deletionProtection: Bool?
        /// The groups the instance ends up in (replacing its own).
        public var securityGroupIds: [String] = []

        public init() {}
    }

    public static func modifyInstance(_ tx: some StoreTransaction, _ context: OperationContext, id: String, _ changes: InstanceChanges) throws {
        var instance = try findInstance(tx, context, id)
        if let name = changes.name { instance.name = try Validation.name(name, error: .instanceNameMalformed) }
        if let description = changes.description {
            instance.description = try Validation.description(description, minLength: 2, error: .instanceDescriptionMalformed)
        }
        if let hostName = changes.hostName { instance.hostName = try Validation.hostName(hostName) }
        if let password = changes.password { try Validation.password(password) }
        if let userData = changes.userData { instance.userData = try Validation.userData(userData) }
        if let protection = changes.deletionProtection { instance.deletionProtection = protection }
        guard !changes.securityGroupIds.isEmpty else {
            try tx.update(instance)
            return
        }
        guard changes.securityGroupIds.count <= maximumGroupsPerInstance else { throw APIError.instanceSecurityGroupLimit }
        for groupId in changes.securityGroupIds {
            let group = try findSecurityGroup(tx, context, groupId)
            guard group.vpcId == instance.vpcId else { throw APIError.instanceSecurityGroupMismatch }
        }
        instance.securityGroupIds = changes.securityGroupIds
        try setSecurityGroups(tx, context, of: instance)
    }
}
