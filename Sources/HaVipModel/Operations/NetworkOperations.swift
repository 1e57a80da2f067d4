/// VPCs and vSwitches: CIDR rules, quotas, and refusing to delete what is still in use.
public enum NetworkOperations {
    /// Ranges a VPC may not use.
    static let forbiddenVpcRanges = ["100.64.0.0/10", "224.0.0.0/4", "127.0.0.0/8", "169.254.0.0/16"].compactMap(IPv4CIDR.init)

    public static func createVpc(
        _ tx: some StoreTransaction, _ context: OperationContext, cidrBlock: String?, name: String?, description: String?,
        resourceGroupId: String?, tags: [(key: String, value: String)]
    ) throws -> Vpc {
        let cidrText = cidrBlock ?? "172.16.0.0/12"
        guard let cidr = IPv4CIDR(cidrText), (8...28).contains(cidr.prefixLength),
            !forbiddenVpcRanges.contains(where: { $0.overlaps(cidr) })
        else { throw APIError.vpcCidrInvalid }
        let vpc = Vpc(
            id: context.ids.resourceId(prefix: "vpc"), account: context.account, regionId: context.regionId, cidrBlock: cidr.description,
            name: try Validation.name(name, error: .vpcNameMalformed), description: try Validation.description(description, error: .vpcDescriptionMalformed),
            status: .available, resourceGroupId: try ResourceGroupOperations.resolve(tx, resourceGroupId, context), vRouterId: context.ids.resourceId(prefix: "vrt"),
            routeTableId: context.ids.resourceId(prefix: "vtb"), createdAt: context.now)
        try tx.insert(vpc)
        try RouteOperations.createSystemTable(tx, for: vpc)
        try TagOperations.replace(tx, context, vpc, tags: tags)
        return vpc
    }


    public static func deleteVpc(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let vpc = try tx.find(Vpc.self, id, context, notFound: .vpcNotFound, lock: true)
        guard try tx.count(Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, vpc.id)])) == 0 else {
            throw APIError.vpcHasVSwitches
        }
        guard try tx.count(Query(SecurityGroup.self, account: context.account, [.equals(SecurityGroup.column.vpcId, vpc.id)])) == 0 else {
            throw APIError.vpcHasSecurityGroups
        }
        try RouteOperations.removeTables(tx, of: vpc)
        try TagOperations.removeAll(tx, vpc)
        try tx.delete(vpc, account: context.account)
    }

    /// ModifyVpcAttribute: the name, the description, and the CIDR block (valid as at creation, and holding
    /// every vSwitch of the VPC). An absent parameter leaves its attribute alone.
    public static func modifyVpc(
        _ tx: some StoreTransaction, _ context: OperationContext, id: String, name: String?, description: String?, cidrBlock: String?
    ) throws {
        let newName = try name.map { try Validation.name($0, error: .vpcNameMalformed) }
        let newDescription = try description.map { try Validation.description($0, error: .vpcDescriptionMalformed) }
        var vpc = try tx.find(Vpc.self, id, context, notFound: .vpcNotFound, lock: true)
        if let cidrBlock {
            guard let cidr = IPv4CIDR(cidrBlock), (8...28).contains(cidr.prefixLength), !forbiddenVpcRanges.contains(where: { $0.overlaps(cidr) })
            else { throw APIError.vpcCidrInvalid }
            let vSwitches = try tx.select(Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, vpc.id)]))
            guard vSwitches.allSatisfy({ vSwitch in vSwitch.cidr.map { cidr.contains($0) } ?? false }) else { throw APIError.vpcCidrInvalid }
            vpc.cidrBlock = cidr.description
        }
        if let newName { vpc.name = newName }
        if let newDescription { vpc.description = newDescription }
        try tx.update(vpc)
    }

    public static func createVSwitch(
        _ tx: some StoreTransaction, _ context: OperationContext, vpcId: String, zoneId: String, cidrBlock: String, name: String?,
        description: String?, tags: [(key: String, value: String)]
    ) throws -> VSwitch {
        let vpc = try tx.find(Vpc.self, vpcId, context, notFound: .vpcNotFound, lock: true)
        guard Region.find(context.regionId)?.zones.contains(where: { $0.id == zoneId }) == true else { throw APIError.zoneNotFound }
        guard let cidr = IPv4CIDR(cidrBlock) else { throw APIError.vSwitchCidrMalformed }
        guard (16...29).contains(cidr.prefixLength) else { throw APIError.vSwitchCidrMaskLength }
        guard let vpcCidr = IPv4CIDR(vpc.cidrBlock), vpcCidr.contains(cidr) else { throw APIError.vSwitchCidrNotInVpc }
        let siblings = try tx.select(Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, vpc.id)]))
        guard siblings.count < context.settings.maxVSwitchesPerVpc else { throw APIError.vSwitchQuotaExceeded }
        guard !siblings.contains(where: { $0.cidr?.overlaps(cidr) ?? false }) else { throw APIError.vSwitchCidrOverlapped }
        let vSwitch = VSwitch(
            id: context.ids.resourceId(prefix: "vsw"), account: context.account, regionId: context.regionId, vpcId: vpc.id, zoneId: zoneId,
            cidrBlock: cidr.description, name: try Validation.name(name, error: .vSwitchNameMalformed),
            description: try Validation.description(description, error: .vSwitchDescriptionMalformed), status: .available,
            resourceGroupId: vpc.resourceGroupId,
            createdAt: context.now)
        try tx.insert(vSwitch)
        try IPAllocator.open(tx, vSwitch: vSwitch, cidr: cidr)
        try TagOperations.replace(tx, context, vSwitch, tags: tags)
        return vSwitch
    }

    /// A vSwitch is deleted only when no address of it is in use (no HaVip, instance or ENI).
    public static func deleteVSwitch(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let vSwitch = try tx.find(VSwitch.self, id, context, notFound: .vSwitchNotFound, lock: true)
        guard try tx.first(Query(HaVip.self, account: context.account, [.equals(HaVip.column.vSwitchId, vSwitch.id)])) == nil else {
            throw APIError.vSwitchHasHaVips
        }
        guard try IPAllocator.usedCount(tx, vSwitch: vSwitch) == 0 else { throw APIError.vSwitchHasDependents }
        try IPAllocator.close(tx, vSwitch: vSwitch)
        try TagOperations.removeAll(tx, vSwitch)
        try tx.delete(vSwitch, account: context.account)
    }

    /// ModifyVSwitchAttribute: the name and the description; an absent parameter leaves its attribute alone.
    public static func modifyVSwitch(_ tx: some StoreTransaction, _ context: OperationContext, id: String, name: String?, description: String?) throws {
        let newName = try name.map { try Validation.name($0, error: .vSwitchNameMalformed) }
        let newDescription = try description.map { try Validation.description($0, error: .vSwitchDescriptionMalformed) }
        var vSwitch = try tx.find(VSwitch.self, id, context, notFound: .vSwitchNotFound, lock: true)
        if let newName { vSwitch.name = newName }
        if let newDescription { vSwitch.description = newDescription }
        try tx.update(vSwitch)
    }

    /// Free addresses of a vSwitch: its usable size less the addresses in use.
    public static func availableAddressCount(_ tx: some StoreTransaction, _ vSwitch: VSwitch) throws -> Int {
        vSwitch.usableAddressCount - (try IPAllocator.usedCount(tx, vSwitch: vSwitch))
    }
}
