/// The HaVip rules: creation in a vSwitch, association with instances or ENIs, the master election,
/// modification and deletion. Each function runs inside one store transaction.
public enum HaVipOperations {
    public struct CreateRequest: Sendable {
        public var vSwitchId: String
        public var ipAddress: String?
        public var name: String?
        public var description: String?
        public var resourceGroupId: String?
        public var tags: [(key: String, value: String)]

        public init(
            vSwitchId: String, ipAddress: String? = nil, name: String? = nil, description: String? = nil, resourceGroupId: String? = nil,
            tags: [(key: String, value: String)] = []
        ) {
            self.vSwitchId = vSwitchId
            self.ipAddress = ipAddress
            self.name = name
            self.description = description
            self.resourceGroupId = resourceGroupId
            self.tags = tags
        }
    }

    public static func create(_ tx: some StoreTransaction, _ context: OperationContext, _ request: CreateRequest) throws -> HaVip {
        let name = try Validation.name(request.name, error: .haVipNameMalformed)
        let description = try Validation.description(request.description)
        let resourceGroupId = try ResourceGroupOperations.resolve(tx, request.resourceGroupId, context)
        let vSwitch = try tx.find(VSwitch.self, request.vSwitchId, context, notFound: .haVipVSwitchNotFound, lock: true)
        let id = context.ids.resourceId(prefix: "havip")
        let address: IPv4Address
        do {
            address = try IPAllocator.allocate(tx, vSwitch: vSwitch, requested: request.ipAddress, ownerId: id)
        } catch let problem as AddressProblem {
            throw APIError.haVipAddress(problem)
        }
        var haVip = HaVip(
            id: id, account: context.account, regionId: context.regionId, vpcId: vSwitch.vpcId, vSwitchId: vSwitch.id,
            ipAddress: address.description, status: .creating, name: name, description: description,
            resourceGroupId: resourceGroupId, createdAt: context.now)
        try HaVipTransitions.begin(tx, &haVip, through: .creating, target: .available, context: context)
        try tx.insert(haVip)
        try HaVipCounter.add(1, for: haVip, tx)
        try TagOperations.replace(tx, context, haVip, tags: request.tags)
        return haVip
    }

    /// The HaVip, or `InvalidHaVipId.NotFound` (also for another region's or another account's HaVip).
    public static func find(_ tx: some StoreTransaction, _ context: OperationContext, _ id: String, forUpdate: Bool = false) throws -> HaVip {
        guard let haVip = try tx.fetch(HaVip.self, id, account: context.account, forUpdate: forUpdate), haVip.regionId == context.regionId,
            haVip.status != .deleted
        else { throw APIError.haVipNotFound }
        return haVip
    }

    public static func modify(_ tx: some StoreTransaction, _ context: OperationContext, id: String, name: String?, description: String?) throws {
        let newName = try name.map { try Validation.name($0, error: .haVipNameMalformed) }
        let newDescription = try description.map { try Validation.description($0) }
        var haVip = try find(tx, context, id, forUpdate: true)
        guard haVip.status == .available || haVip.status == .inUse else { throw APIError.haVipModifyIncorrectStatus }
        if let newName { haVip.name = newName }
        if let newDescription { haVip.description = newDescription }
        try tx.update(haVip)
    }

    public static func delete(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        var haVip = try find(tx, context, id, forUpdate: true)
        guard haVip.status == .available else { throw APIError.haVipDeleteIncorrectStatus }
        if try RouteOperations.isNextHop(tx, account: context.account, id: haVip.id) { throw APIError.haVipReferencedByRouteEntry }
        if try EipOperations.boundEip(tx, account: context.account, instanceId: haVip.id) != nil { throw APIError.haVipAssociatedWithEip }
        try HaVipTransitions.begin(tx, &haVip, through: .deleting, target: .deleted, context: context)
        if haVip.status == .deleted {
            try remove(tx, haVip)
        } else {
            try tx.update(haVip)
        }
    }

    /// Removes a HaVip for good: its address returns to the vSwitch, its tags go.
    static func remove(_ tx: some StoreTransaction, _ haVip: HaVip) throws {
        if let vSwitch = try tx.fetch(VSwitch.self, haVip.vSwitchId, account: haVip.account) {
            try IPAllocator.release(tx, vSwitch: vSwitch, address: haVip.ipAddress)
        }
        try tx.delete(Query(HaVipAssociation.self, account: haVip.account, [.equals(HaVipAssociation.column.haVipId, haVip.id)]))
        try TagOperations.removeAll(tx, haVip)
        try tx.delete(haVip, account: haVip.account)
        try HaVipCounter.add(-1, for: haVip, tx)
    }

    // MARK: Association

    public static func associate(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, instanceId: String, instanceType: AssociatedInstanceType
    ) throws {
        var haVip = try find(tx, context, id, forUpdate: true)
        guard haVip.status == .available || haVip.status == .inUse else { throw APIError.haVipAssociateIncorrectStatus }
        let target = try AssociationTarget.find(tx, context, instanceId: instanceId, type: instanceType)
        guard target.vSwitchId == haVip.vSwitchId else { throw APIError.haVipVSwitchMismatch }
        let existing = try associations(tx, of: haVip)
        if existing.contains(where: { $0.instanceId == instanceId }) { throw APIError.haVipAlreadyAssociated }
        if let current = haVip.associatedInstanceType, current != instanceType, !existing.isEmpty { throw APIError.haVipInstanceTypeMixed }
        guard existing.count < context.settings.maxAssociationsPerHaVip else { throw APIError.haVipInstanceLimit }
        let perInstance = try tx.count(Query(HaVipAssociation.self, account: context.account, [.equals(HaVipAssociation.column.instanceId, instanceId)]))
        guard perInstance < context.settings.maxHaVipsPerInstance else { throw APIError.haVipPerInstanceLimit }

        let position = (existing.map(\.position).max() ?? 0) + 1
        try tx.insert(HaVipAssociation(account: context.account, haVipId: haVip.id, instanceId: instanceId, instanceType: instanceType, position: position))
        haVip.associatedInstanceType = instanceType
        haVip.masterInstanceId = try electMaster(tx, haVip: haVip)
        try HaVipTransitions.begin(tx, &haVip, through: .associating, target: .inUse, context: context)
        try tx.update(haVip)
    }

    public static func unassociate(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, instanceId: String, instanceType: AssociatedInstanceType?,
        force: Bool
    ) throws {
        var haVip = try find(tx, context, id, forUpdate: true)
        guard haVip.status == .inUse else { throw APIError.haVipUnassociateIncorrectStatus }
        _ = try AssociationTarget.find(tx, context, instanceId: instanceId, type: instanceType ?? haVip.associatedInstanceType ?? .ecsInstance)
        let existing = try associations(tx, of: haVip)
        guard let association = existing.first(where: { $0.instanceId == instanceId }) else { throw APIError.haVipNotAssociated }
        if haVip.masterInstanceId == instanceId, existing.count > 1, !force { throw APIError.haVipMasterNeedsForce }
        try tx.delete(association, account: context.account)
        let remaining = existing.count - 1
        if remaining == 0 { haVip.associatedInstanceType = nil }
        haVip.masterInstanceId = try electMaster(tx, haVip: haVip)
        try HaVipTransitions.begin(tx, &haVip, through: .unassociating, target: remaining > 0 ? .inUse : .available, context: context)
        try tx.update(haVip)
    }

    /// The instances and ENIs associated with a HaVip, in the order they were associated.
    public static func associations(_ tx: some StoreTransaction, of haVip: HaVip) throws -> [HaVipAssociation] {
        try tx.select(
            Query(
                HaVipAssociation.self, account: haVip.account, [.equals(HaVipAssociation.column.haVipId, haVip.id)],
                order: [.ascending(HaVipAssociation.column.position)]))
    }

    /// The master rule: the current master stays while it is associated and running; otherwise the
    /// first associated running instance (in association order) takes over; with none running, the
    /// first associated one. ENIs always count as running.
    static func electMaster(_ tx: some StoreTransaction, haVip: HaVip) throws -> String? {
        let members = try associations(tx, of: haVip)
        guard !members.isEmpty else { return nil }
        var running: [String: Bool] = [:]
        let instanceIds = members.filter { $0.instanceType == .ecsInstance }.map(\.instanceId)
        if !instanceIds.isEmpty {
            for instance in try tx.select(Query(Instance.self, account: haVip.account, [.isIn(Instance.column.id, instanceIds)])) {
                running[instance.id] = instance.status == .running
            }
        }
        func isRunning(_ member: HaVipAssociation) -> Bool { member.instanceType == .networkInterface || running[member.instanceId] == true }
        if let master = haVip.masterInstanceId, let member = members.first(where: { $0.instanceId == master }), isRunning(member) {
            return master
        }
        return (members.first(where: isRunning) ?? members[0]).instanceId
    }

    /// Re-runs the master election of every HaVip an instance or ENI is associated with (after it
    /// stopped or started: a simulated failover).
    public static func instanceChanged(_ tx: some StoreTransaction, account: AccountID, instanceId: String) throws {
        let memberships = try tx.select(Query(HaVipAssociation.self, account: account, [.equals(HaVipAssociation.column.instanceId, instanceId)]))
        for membership in memberships {
            guard var haVip = try tx.fetch(HaVip.self, membership.haVipId, account: account, forUpdate: true) else { continue }
            let master = try electMaster(tx, haVip: haVip)
            if master != haVip.masterInstanceId {
                haVip.masterInstanceId = master
                try tx.update(haVip)
            }
        }
    }

    /// Removes an instance or ENI that is going away from every HaVip it is associated with; masters move.
    public static func instanceRemoved(_ tx: some StoreTransaction, account: AccountID, instanceId: String) throws {
        let memberships = try tx.select(Query(HaVipAssociation.self, account: account, [.equals(HaVipAssociation.column.instanceId, instanceId)]))
        for membership in memberships {
            try tx.delete(membership, account: account)
            guard var haVip = try tx.fetch(HaVip.self, membership.haVipId, account: account, forUpdate: true) else { continue }
            haVip.masterInstanceId = try electMaster(tx, haVip: haVip)
            if haVip.masterInstanceId == nil {
                haVip.associatedInstanceType = nil
                if haVip.status == .inUse || haVip.nextStatus == .inUse {
                    haVip.status = .available
                    haVip.nextStatus = nil
                    haVip.dueAt = nil
                }
            }
            try tx.update(haVip)
        }
    }
}

/// What a HaVip can be associated with: an ECS instance or an ENI, reduced to what the rules need.
struct AssociationTarget {
    let vSwitchId: String

    static func find(
        _ tx: some StoreTransaction, _ context: OperationContext, instanceId: String, type: AssociatedInstanceType
    ) throws -> AssociationTarget {
        switch type {
        case .ecsInstance:
            let instance = try tx.find(Instance.self, instanceId, context, notFound: .instanceNotFound, lock: true)
            guard instance.status == .running || instance.status == .stopped else { throw APIError.haVipInstanceIncorrectStatus }
            return AssociationTarget(vSwitchId: instance.vSwitchId)
        case .networkInterface:
            let eni = try tx.find(NetworkInterface.self, instanceId, context, notFound: .networkInterfaceNotFound, lock: true)
            return AssociationTarget(vSwitchId: eni.vSwitchId)
        }
    }
}
