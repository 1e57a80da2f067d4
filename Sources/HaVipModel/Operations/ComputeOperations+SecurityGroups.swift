/// Security groups: made in a VPC (or, without one, as a classic-network group no vSwitch resource can
/// use), renamed, deleted when nothing uses them, and joined and left by instances.
extension ComputeOperations {
    /// How many security groups an instance (or ENI) can be in.
    static let maximumGroupsPerInstance = 5

    public static func createSecurityGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, vpcId: String?, name: String?, description: String?, resourceGroupId: String?,
        tags: [(key: String, value: String)] = []
    ) throws -> SecurityGroup {
        let vpc = try vpcId.map { try tx.find(Vpc.self, $0, context, notFound: .vpcNotFound, lock: true) }
        let group = SecurityGroup(
            id: context.ids.resourceId(prefix: "sg"), account: context.account, regionId: context.regionId, vpcId: vpc?.id ?? "",
            name: try Validation.name(name, error: .securityGroupNameMalformed),
            description: try Validation.description(description, error: .securityGroupDescriptionMalformed),
            resourceGroupId: try ResourceGroupOperations.resolve(tx, resourceGroupId, context), createdAt: context.now)
        try tx.insert(group)
        try TagOperations.replace(tx, context, group, tags: tags)
        return group
    }

    public static func findSecurityGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, _ id: String, notFound: APIError = .securityGroupNotFound
    ) throws -> SecurityGroup {
        try tx.find(SecurityGroup.self, id, context, notFound: notFound, lock: true)
    }

    /// Deletes a group no instance or ENI is in and no other group's rule names, with its rules and tags.
    public static func deleteSecurityGroup(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let group = try findSecurityGroup(tx, context, id)
        let members = try tx.select(Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.vpcId, group.vpcId)]))
        guard !members.contains(where: { $0.securityGroupIds.contains(group.id) }) else { throw APIError.securityGroupInUse }
        let column = SecurityGroupRule.column
        let referring = Query(SecurityGroupRule.self, account: context.account, [.equals(column.peerGroupId, id), .notEquals(column.securityGroupId, id)])
        guard try tx.count(referring) == 0 else { throw APIError.securityGroupReferenced }
        try tx.delete(Query(SecurityGroupRule.self, account: context.account, [.equals(column.securityGroupId, id)]))
        try TagOperations.removeAll(tx, group)
        try tx.delete(group, account: context.account)
    }

    /// ModifySecurityGroupAttribute: a new name and/or description.
    public static func modifySecurityGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, name: String?, description: String?
    ) throws {
        var group = try findSecurityGroup(tx, context, id, notFound: .securityGroupNotFoundToModify)
        if let name { group.name = try Validation.name(name, error: .securityGroupNameMalformed) }
        if let description { group.description = try Validation.description(description, error: .securityGroupDescriptionMalformed) }
        try tx.update(group)
    }

    /// The security groups named by a request for a resource in a vSwitch: all in the vSwitch's VPC (so
    /// never a classic-network group).
    static func securityGroups(_ tx: some StoreTransaction, _ context: OperationContext, _ ids: [String], vpcId: String) throws -> [String] {
        for id in ids {
            let group = try tx.find(SecurityGroup.self, id, context, notFound: .securityGroupReferenceNotFound, lock: true)
            guard group.vpcId == vpcId else { throw APIError.securityGroupVpcMismatch }
        }
        return ids
    }

    /// JoinSecurityGroup: the instance (and its primary ENI) joins one more group of its VPC.
    public static func joinSecurityGroup(_ tx: some StoreTransaction, _ context: OperationContext, instanceId: String, groupId: String) throws {
        var instance = try findInstance(tx, context, instanceId)
        let group = try findSecurityGroup(tx, context, groupId)
        guard group.vpcId == instance.vpcId else { throw APIError.instanceSecurityGroupMismatch }
        guard instance.status == .running || instance.status == .stopped else { throw APIError.instanceIncorrectStatus }
        guard !instance.securityGroupIds.contains(groupId) else { throw APIError.instanceAlreadyInSecurityGroup }
        guard instance.securityGroupIds.count < maximumGroupsPerInstance else { throw APIError.instanceSecurityGroupLimit }
        instance.securityGroupIds.append(groupId)
        try setSecurityGroups(tx, context, of: instance)
    }

    /// LeaveSecurityGroup: the instance (and its primary ENI) leaves a group, never its last one.
    public static func leaveSecurityGroup(_ tx: some StoreTransaction, _ context: OperationContext, instanceId: String, groupId: String) throws {
        var instance = try findInstance(tx, context, instanceId)
        _ = try findSecurityGroup(tx, context, groupId)
        guard instance.status == .running || instance.status == .stopped else { throw APIError.instanceIncorrectStatus }
        guard instance.securityGroupIds.contains(groupId) else { throw APIError.instanceNotInSecurityGroup }
        guard instance.securityGroupIds.count > 1 else { throw APIError.instanceLastSecurityGroup }
        instance.securityGroupIds.removeAll { $0 == groupId }
        try setSecurityGroups(tx, context, of: instance)
    }

    /// Stores an instance whose groups changed, and gives its primary ENI the same groups.
    static func setSecurityGroups(_ tx: some StoreTransaction, _ context: OperationContext, of instance: Instance) throws {
        try tx.update(instance)
        if var eni = try tx.fetch(NetworkInterface.self, instance.primaryNetworkInterfaceId, account: context.account, forUpdate: true) {
            eni.securityGroupIds = instance.securityGroupIds
            try tx.update(eni)
        }
    }
}
