import Foundation

/// ECS security groups, instances and ENIs: only what HaVips need, with the same address rules.
public enum ComputeOperations {
    // MARK: Security groups

    public static func createSecurityGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, vpcId: String, name: String?, description: String?, resourceGroupId: String?
    ) throws -> SecurityGroup {
        let vpc = try tx.find(Vpc.self, vpcId, context, notFound: .vpcNotFound, lock: true)
        let group = SecurityGroup(
            id: context.ids.resourceId(prefix: "sg"), account: context.account, regionId: context.regionId, vpcId: vpc.id,
            name: try Validation.name(name, error: .securityGroupNameMalformed), description: try Validation.description(description, error: .securityGroupDescriptionMalformed),
            resourceGroupId: try NetworkOperations.resourceGroup(resourceGroupId, context), createdAt: context.now)
        try tx.insert(group)
        return group
    }

    public static func deleteSecurityGroup(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let group = try tx.find(SecurityGroup.self, id, context, notFound: .securityGroupNotFound, lock: true)
        let members = try tx.select(Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.vpcId, group.vpcId)]))
        guard !members.contains(where: { $0.securityGroupIds.contains(group.id) }) else { throw APIError.securityGroupInUse }
        try tx.delete(group, account: context.account)
    }

    /// The security groups named by a request, all in the vSwitch's VPC.
    static func securityGroups(_ tx: some StoreTransaction, _ context: OperationContext, _ ids: [String], vpcId: String) throws -> [String] {
        for id in ids {
            let group = try tx.find(SecurityGroup.self, id, context, notFound: .securityGroupReferenceNotFound, lock: true)
            guard group.vpcId == vpcId else { throw APIError.securityGroupVpcMismatch }
        }
        return ids
    }

    // MARK: Instances

    public struct LaunchRequest: Sendable {
        public var vSwitchId: String
        public var zoneId: String?
        public var securityGroupIds: [String]
        public var privateIpAddress: String?
        public var amount: Int
        public var name: String?
        public var imageId: String
        public var instanceType: String
        /// `Running` for RunInstances, `Stopped` for CreateInstance.
        public var initialStatus: InstanceStatus

        public init(
            vSwitchId: String, zoneId: String?, securityGroupIds: [String], privateIpAddress: String?, amount: Int, name: String?,
            imageId: String, instanceType: String, initialStatus: InstanceStatus
        ) {
            self.vSwitchId = vSwitchId
            self.zoneId = zoneId
            self.securityGroupIds = securityGroupIds
            self.privateIpAddress = privateIpAddress
            self.amount = amount
            self.name = name
            self.imageId = imageId
            self.instanceType = instanceType
            self.initialStatus = initialStatus
        }
    }

    /// RunInstances / CreateInstance. With an explicit address and `amount > 1`, consecutive addresses are used.
    public static func launch(_ tx: some StoreTransaction, _ context: OperationContext, _ request: LaunchRequest) throws -> [Instance] {
        let vSwitch = try tx.find(VSwitch.self, request.vSwitchId, context, notFound: .ecsVSwitchNotFound, lock: true)
        if let zoneId = request.zoneId, zoneId != vSwitch.zoneId { throw APIError.zoneVSwitchMismatch }
        let groups = try securityGroups(tx, context, request.securityGroupIds, vpcId: vSwitch.vpcId)
        let name = try Validation.name(request.name, error: .instanceNameMalformed)
        var firstAddress: IPv4Address?
        if let text = request.privateIpAddress {
            guard let address = IPv4Address(text) else { throw APIError.privateAddress(.malformed) }
            firstAddress = address
        }
        var instances: [Instance] = []
        for index in 0..<request.amount {
            let id = context.ids.resourceId(prefix: "i")
            let wanted = firstAddress.map { IPv4Address($0.value &+ UInt32(index)).description }
            let eni = try createInterface(
                tx, context, vSwitch: vSwitch, securityGroupIds: groups, primaryIpAddress: wanted, type: .primary, instanceId: id, name: "",
                description: "")
            let instance = Instance(
                id: id, account: context.account, regionId: context.regionId, zoneId: vSwitch.zoneId, vpcId: vSwitch.vpcId,
                vSwitchId: vSwitch.id, privateIpAddress: eni.primaryIpAddress, securityGroupIds: groups, status: request.initialStatus,
                name: name.isEmpty ? id : name, imageId: request.imageId, instanceType: request.instanceType,
                primaryNetworkInterfaceId: eni.id, createdAt: context.now)
            try tx.insert(instance)
            instances.append(instance)
        }
        return instances
    }

    /// The instance, locked; the context's region is the request's RegionId, or the instance's own when the
    /// request has none (Start/Stop/DeleteInstance models send none).
    public static func findInstance(_ tx: some StoreTransaction, _ context: OperationContext, _ id: String) throws -> Instance {
        try tx.find(Instance.self, id, context, notFound: .instanceNotFound, lock: true)
    }

    public static func start(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        var instance = try findInstance(tx, context, id)
        guard instance.status == .stopped else { throw APIError.instanceIncorrectStatus }
        instance.status = .running
        try tx.update(instance)
        try HaVipOperations.instanceChanged(tx, account: context.account, instanceId: id)
    }

    /// Stops an instance; a HaVip whose master it was fails over to another running instance.
    public static func stop(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        var instance = try findInstance(tx, context, id)
        guard instance.status == .running else { throw APIError.instanceIncorrectStatus }
        instance.status = .stopped
        try tx.update(instance)
        try HaVipOperations.instanceChanged(tx, account: context.account, instanceId: id)
    }

    /// Deletes a stopped instance (a running one only with `force`), its primary ENI and address; it
    /// leaves every HaVip it was associated with (masters fail over) and its EIP is unbound.
    public static func delete(_ tx: some StoreTransaction, _ context: OperationContext, id: String, force: Bool) throws {
        let instance = try findInstance(tx, context, id)
        guard instance.status == .stopped || force else { throw APIError.instanceIncorrectStatus }
        try HaVipOperations.instanceRemoved(tx, account: context.account, instanceId: id)
        try EipOperations.instanceRemoved(tx, account: context.account, instanceId: id)
        let interfaces = try tx.select(Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.instanceId, id)]))
        for eni in interfaces {
            if eni.type == .primary {
                try removeInterface(tx, eni)
            } else {
                var detached = eni
                detached.instanceId = nil
                detached.status = .available
                try tx.update(detached)
            }
        }
        try tx.delete(instance, account: context.account)
    }

    // MARK: ENIs

    public static func createNetworkInterface(
        _ tx: some StoreTransaction, _ context: OperationContext, vSwitchId: String, securityGroupIds: [String], primaryIpAddress: String?,
        name: String?, description: String?
    ) throws -> NetworkInterface {
        let vSwitch = try tx.find(VSwitch.self, vSwitchId, context, notFound: .ecsVSwitchNotFound, lock: true)
        let groups = try securityGroups(tx, context, securityGroupIds, vpcId: vSwitch.vpcId)
        return try createInterface(
            tx, context, vSwitch: vSwitch, securityGroupIds: groups, primaryIpAddress: primaryIpAddress, type: .secondary, instanceId: nil,
            name: try Validation.name(name, error: .networkInterfaceNameMalformed), description: try Validation.description(description))
    }

    static func createInterface(
        _ tx: some StoreTransaction, _ context: OperationContext, vSwitch: VSwitch, securityGroupIds: [String], primaryIpAddress: String?,
        type: NetworkInterfaceType, instanceId: String?, name: String, description: String
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
            description: description, createdAt: context.now)
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
        try removeInterface(tx, eni)
    }

    /// Removes an ENI for good: it leaves every HaVip it was associated with, its address returns.
    static func removeInterface(_ tx: some StoreTransaction, _ eni: NetworkInterface) throws {
        try HaVipOperations.instanceRemoved(tx, account: eni.account, instanceId: eni.id)
        if let vSwitch = try tx.fetch(VSwitch.self, eni.vSwitchId, account: eni.account) {
            try IPAllocator.release(tx, vSwitch: vSwitch, address: eni.primaryIpAddress)
        }
        try tx.delete(eni, account: eni.account)
    }

    /// An Alibaba-style MAC address, `00:16:3e:xx:xx:xx`.
    static func macAddress(_ random: UInt64) -> String {
        let bytes = (0..<3).map { String(format: "%02x", Int(random >> (8 * $0) & 0xFF)) }
        return "00:16:3e:" + bytes.joined(separator: ":")
    }
}
