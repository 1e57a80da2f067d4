/// ENIs: an instance's primary one, made and removed with it, and secondary ones made on their own and
/// attached to an instance of their VPC and zone. havip attaches and detaches at once (`Available` ⇄ `InUse`).
extension ComputeOperations {
    public static func createNetworkInterface(
        _ tx: some StoreTransaction, _ context: OperationContext, vSwitchId: String, securityGroupIds: [String], primaryIpAddress: String?,
        name: String?, description: String?, resourceGroupId: String? = nil, tags: [(key: String, value: String)] = []
    ) throws -> NetworkInterface {
        let vSwitch = try tx.find(VSwitch.self, vSwitchId, context, notFound: .ecsVSwitchNotFound, lock: true)
        let groups = try securityGroups(tx, context, securityGroupIds, vpcId: vSwitch.vpcId)
        let eni = try createInterface(
            tx, context, vSwitch: vSwitch, securityGroupIds: groups, primaryIpAddress: primaryIpAddress, type: .secondary, instanceId: nil,
            name: try Validation.name(name, error: .networkInterfaceNameMalformed), description: try Validation.description(description),
            resourceGroupId: try ResourceGroupOperations.resolve(tx, resourceGroupId, context))
        try TagOperations.replace(tx, context, eni, tags: tags)
        return eni
    }

    static func createInterface(
        _ tx: some StoreTransaction, _ context: OperationContext, vSwitch: VSwitch, securityGroupIds: [String], primaryIpAddress: String?,
        type: NetworkInterfaceType, instanceId: String?, name: String, description: String, resourceGroupId: String
    ) throws -> NetworkInterface {
        let id = context.ids.resourceId(prefix: "eni")
        let address: IPv4Address
        do {
            address = try IPAllocator.allocate(tx, vSwitch: vSwitch, requested: primaryIpAddress, ownerId: instanceId ?? id)
        } catch let problem as AddressProblem {
            throw APIError.privateAddress(problem)
        }
        let eni = NetworkInterface(
            id: id, account: context.account, regionId: context.regionId, zoneId: vSwitch.zoneId, vpcId: vSwitch.vpcId, vSwitchId: vSwitch.id,
            primaryIpAddress: address.description, macAddress: macAddress(context.ids.random()), type: type,
            status: instanceId == nil ? .available : .inUse, instanceId: instanceId, securityGroupIds: securityGroupIds, name: name,
            description: description, createdAt: context.now, resourceGroupId: resourceGroupId)
        try tx.insert(eni)
        return eni
    }

    public static func findNetworkInterface(_ tx: some StoreTransaction, _ context: OperationContext, _ id: String) throws -> NetworkInterface {
        try tx.find(NetworkInterface.self, id, context, notFound: .networkInterfaceNotFound, lock: true)
    }

    /// Deletes a secondary ENI that is not attached to an instance; it leaves any HaVip it was associated with.
    public static func deleteNetworkInterface(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let eni = try findNetworkInterface(tx, context, id)
        guard eni.type == .secondary, eni.instanceId == nil else { throw APIError.networkInterfaceInUse }
        if try RouteOperations.isNextHop(tx, account: context.account, id: eni.id) { throw APIError.instanceIsRouteNextHop }
        try removeInterface(tx, eni)
    }

    /// Removes an ENI for good: it leaves every HaVip it was associated with, its address returns, its tags go.
    static func removeInterface(_ tx: some StoreTransaction, _ eni: NetworkInterface) throws {
        try HaVipOperations.instanceRemoved(tx, account: eni.account, instanceId: eni.id)
        if let vSwitch = try tx.fetch(VSwitch.self, eni.vSwitchId, account: eni.account) {
            try IPAllocator.release(tx, vSwitch: vSwitch, address: eni.primaryIpAddress)
        }
        try TagOperations.removeAll(tx, eni)
        try tx.delete(eni, account: eni.account)
    }

    /// AttachNetworkInterface: an `Available` secondary ENI joins a running or stopped instance of its VPC
    /// and zone, within the instance type's ENI count.
    public static func attachNetworkInterface(_ tx: some StoreTransaction, _ context: OperationContext, id: String, instanceId: String) throws {
        var eni = try findNetworkInterface(tx, context, id)
        let instance = try tx.find(Instance.self, instanceId, context, notFound: .eniInstanceNotFound, lock: true)
        guard eni.type == .secondary else { throw APIError.eniTypeNotAllowed }
        guard eni.status == .available, eni.instanceId == nil else { throw APIError.networkInterfaceInUse }
        guard instance.status == .running || instance.status == .stopped else { throw APIError.eniInstanceIncorrectStatus }
        guard eni.vpcId == instance.vpcId else { throw APIError.eniVpcMismatch }
        guard eni.zoneId == instance.zoneId else { throw APIError.eniZoneMismatch }
        let attached = try tx.count(Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.instanceId, instanceId)]))
        guard attached < InstanceType.find(instance.instanceType)?.eniQuantity ?? 1 else { throw APIError.eniPerInstanceLimit }
        (eni.instanceId, eni.status) = (instanceId, .inUse)
        try tx.update(eni)
    }

    /// DetachNetworkInterface: a secondary ENI leaves the instance it is attached to.
    public static func detachNetworkInterface(_ tx: some StoreTransaction, _ context: OperationContext, id: String, instanceId: String) throws {
        var eni = try findNetworkInterface(tx, context, id)
        _ = try tx.find(Instance.self, instanceId, context, notFound: .eniInstanceNotFound, lock: true)
        guard eni.type == .secondary else { throw APIError.primaryEniDetach }
        guard eni.instanceId == instanceId else { throw APIError.networkInterfaceInUse }
        (eni.instanceId, eni.status) = (nil, .available)
        try tx.update(eni)
    }

    /// ModifyNetworkInterfaceAttribute: a new name, description and/or set of security groups (of the
    /// ENI's VPC; a primary ENI's instance follows).
    public static func modifyNetworkInterface(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, name: String?, description: String?, securityGroupIds: [String]
    ) throws {
        var eni = try findNetworkInterface(tx, context, id)
        if let name { eni.name = try Validation.name(name, error: .networkInterfaceNameMalformed) }
        if let description { eni.description = try Validation.description(description) }
        if !securityGroupIds.isEmpty {
            guard securityGroupIds.count <= maximumGroupsPerInstance else { throw APIError.instanceSecurityGroupLimit }
            for groupId in securityGroupIds {
                let group = try findSecurityGroup(tx, context, groupId)
                guard !group.isClassic else { throw APIError.securityGroupNotVpc }
                guard group.vpcId == eni.vpcId else { throw APIError.eniSecurityGroupVpcMismatch }
            }
            eni.securityGroupIds = securityGroupIds
            if eni.type == .primary, let instanceId = eni.instanceId,
                var instance = try tx.fetch(Instance.self, instanceId, account: context.account, forUpdate: true)
            {
                instance.securityGroupIds = securityGroupIds
                try tx.update(instance)
            }
        }
        try tx.update(eni)
    }
}
