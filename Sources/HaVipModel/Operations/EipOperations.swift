/// Elastic IPs: allocation from a public pool, binding to a HaVip or an ECS instance, release.
public enum EipOperations {
    public static func allocate(
        _ tx: some StoreTransaction, _ context: OperationContext, bandwidth: String?, internetChargeType: String?,
        instanceChargeType: String?, name: String?, description: String?, resourceGroupId: String?, tags: [(key: String, value: String)]
    ) throws -> Eip {
        let bandwidthValue = bandwidth ?? "5"
        guard let megabits = Int(bandwidthValue), (1...10_000).contains(megabits) else { throw APIError.eipBandwidthInvalid }
        let name = try Validation.name(name, error: .invalidParameter("Name"))
        let chargeType = try internetChargeType.map { text in
            guard let type = InternetChargeType(rawValue: text) else { throw APIError.eipChargeTypeInvalid }
            return type
        }
        let description = try Validation.description(description)
        let group = try ResourceGroupOperations.resolve(tx, resourceGroupId, context)
        // The public address is unique across accounts: a draw that is taken makes the insert conflict,
        // and the store runs the transaction again with a new draw.
        let eip = Eip(
            id: context.ids.resourceId(prefix: "eip"), account: context.account, regionId: context.regionId,
            ipAddress: publicAddress(context.ids.random()), status: .available, instanceType: nil, instanceId: nil, bandwidth: String(megabits),
            internetChargeType: chargeType ?? .payByBandwidth, instanceChargeType: instanceChargeType ?? "PostPaid", name: name,
            description: description, resourceGroupId: group, createdAt: context.now)
        try tx.insert(eip)
        try TagOperations.replace(tx, context, eip, tags: tags)
        return eip
    }

    /// A public-looking address in 47.0.0.0/8, never a network or broadcast-like last octet.
    static func publicAddress(_ random: UInt64) -> String {
        let host = UInt32(truncatingIfNeeded: random) & 0x00FF_FFFF
        let last = max(1, min(254, host & 0xFF))
        return IPv4Address(47 << 24 | (host & 0x00FF_FF00) | last).description
    }

    public static func find(_ tx: some StoreTransaction, _ context: OperationContext, _ id: String, forUpdate: Bool = false) throws -> Eip {
        guard let eip = try tx.fetch(Eip.self, id, account: context.account, forUpdate: forUpdate), eip.regionId == context.regionId else {
            throw APIError.eipNotFound
        }
        return eip
    }

    /// The EIP bound to an instance or HaVip, if any.
    public static func boundEip(_ tx: some StoreTransaction, account: AccountID, instanceId: String, lock: Bool = false) throws -> Eip? {
        try tx.first(Query(Eip.self, account: account, [.equals(Eip.column.instanceId, instanceId)], forUpdate: lock))
    }

    public static func associate(
        _ tx: some StoreTransaction, _ context: OperationContext, allocationId: String, instanceId: String, instanceType: String?
    ) throws {
        var eip = try find(tx, context, allocationId, forUpdate: true)
        guard let type = EipInstanceType(rawValue: instanceType ?? EipInstanceType.ecsInstance.rawValue) else {
            throw APIError.instanceTypeUnsupported
        }
        switch type {
        case .haVip:
            let haVip = try HaVipOperations.find(tx, context, instanceId, forUpdate: true)
            guard haVip.status == .available || haVip.status == .inUse else { throw APIError.haVipAssociateIncorrectStatus }
        case .ecsInstance:
            let instance = try tx.find(Instance.self, instanceId, context, notFound: .eipInstanceNotFound, lock: true)
            guard instance.status == .running || instance.status == .stopped else { throw APIError.eipInstanceIncorrectStatus }
        }
        if eip.instanceId == instanceId { throw APIError.eipAssociationDuplicated }
        guard eip.status == .available else { throw APIError.eipNotAvailableForAssociation }
        if try boundEip(tx, account: context.account, instanceId: instanceId) != nil { throw APIError.eipAssociationDuplicated }
        eip.status = .inUse
        eip.instanceType = type
        eip.instanceId = instanceId
        try tx.update(eip)
    }

    public static func unassociate(
        _ tx: some StoreTransaction, _ context: OperationContext, allocationId: String, instanceId: String?, instanceType: String?
    ) throws {
        var eip = try find(tx, context, allocationId, forUpdate: true)
        guard eip.status == .inUse, let bound = eip.instanceId else { throw APIError.eipIncorrectStatus }
        if let instanceId, instanceId != bound { throw APIError.eipInstanceMismatch }
        if let instanceType, EipInstanceType(rawValue: instanceType) != eip.instanceType { throw APIError.eipInstanceMismatch }
        eip.status = .available
        eip.instanceType = nil
        eip.instanceId = nil
        try tx.update(eip)
    }

    /// Unbinds whatever EIP an instance that is going away holds.
    static func instanceRemoved(_ tx: some StoreTransaction, account: AccountID, instanceId: String) throws {
        guard var eip = try boundEip(tx, account: account, instanceId: instanceId, lock: true) else { return }
        eip.status = .available
        eip.instanceType = nil
        eip.instanceId = nil
        try tx.update(eip)
    }

    /// ModifyEipAddressAttribute: the bandwidth (the same 1–10000 Mbit/s as at allocation), the name and the
    /// description; an absent parameter leaves its attribute alone.
    public static func modify(
        _ tx: some StoreTransaction, _ context: OperationContext, allocationId: String, bandwidth: String?, name: String?, description: String?
    ) throws {
        let megabits = try bandwidth.map { text in
            guard let megabits = Int(text), (1...10_000).contains(megabits) else { throw APIError.eipBandwidthInvalid }
            return megabits
        }
        let newName = try name.map { try Validation.name($0, error: .invalidParameter("Name")) }
        let newDescription = try description.map { try Validation.description($0) }
        var eip = try find(tx, context, allocationId, forUpdate: true)
        if let megabits { eip.bandwidth = String(megabits) }
        if let newName { eip.name = newName }
        if let newDescription { eip.description = newDescription }
        try tx.update(eip)
    }

    public static func release(_ tx: some StoreTransaction, _ context: OperationContext, allocationId: String) throws {
        let eip = try find(tx, context, allocationId, forUpdate: true)
        guard eip.status == .available else { throw APIError.eipIncorrectStatus }
        try TagOperations.removeAll(tx, eip)
        try tx.delete(eip, account: context.account)
    }
}
