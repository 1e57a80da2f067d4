/// `POST /_havip/world`: a described world made in one transaction, through the same operations as the API
/// (the same rules and errors), so that a bad document changes nothing. Every HaVip ends settled (Available,
/// or InUse once associated) whatever the transition mode: a world is a starting point, not a transition.
public enum WorldOperations {
    /// Makes the world in `tx` for the document's account and region. An error names where in the document
    /// it arose (`vpcs[0].vswitches[1] (a): …`), with the code the API would answer.
    public static func apply(_ tx: some StoreTransaction, _ world: WorldDocument, now: Double, ids: any IDGenerator, settings: ModelSettings) throws -> WorldIDs {
        guard Region.find(world.region) != nil else { throw APIError.located(.regionNotFound, at: "region") }
        try checkNames(world)
        let context = OperationContext(account: world.account, regionId: world.region, now: now, ids: ids, settings: settings)
        var made = WorldIDs()
        var instanceIds: [String: String] = [:]
        for (g, group) in world.resourceGroups.enumerated() {
            let id = try at("resourceGroups[\(g)] (\(group.name))") {
                try ResourceGroupOperations.create(tx, context, id: group.id, name: group.name).id
            }
            made.add("resourceGroups", group.name, id)
        }
        for (v, vpc) in world.vpcs.enumerated() {
            let vpcPath = "vpcs[\(v)] (\(vpc.name))"
            let vpcId = try at(vpcPath) {
                try NetworkOperations.createVpc(
                    tx, context, cidrBlock: vpc.cidr, name: vpc.name, description: vpc.description, resourceGroupId: nil, tags: []
                ).id
            }
            made.add("vpcs", vpc.name, vpcId)
            var securityGroupId: String?
            if vpc.vswitches.contains(where: { !$0.instances.isEmpty }) {
                let id = try at(vpcPath) {
                    try ComputeOperations.createSecurityGroup(tx, context, vpcId: vpcId, name: vpc.name, description: nil, resourceGroupId: nil).id
                }
                made.add("securityGroups", vpc.name, id)
                securityGroupId = id
            }
            for (s, vSwitch) in vpc.vswitches.enumerated() {
                let path = "vpcs[\(v)].vswitches[\(s)] (\(vSwitch.name))"
                let vSwitchId = try at(path) {
                    try NetworkOperations.createVSwitch(
                        tx, context, vpcId: vpcId, zoneId: vSwitch.zone, cidrBlock: vSwitch.cidr, name: vSwitch.name,
                        description: vSwitch.description, tags: []
                    ).id
                }
                made.add("vswitches", vSwitch.name, vSwitchId)
                for (i, instance) in vSwitch.instances.enumerated() {
                    let id = try at("vpcs[\(v)].vswitches[\(s)].instances[\(i)] (\(instance.name))") {
                        try ComputeOperations.launch(
                            tx, context,
                            ComputeOperations.LaunchRequest(
                                vSwitchId: vSwitchId, zoneId: nil, securityGroupIds: securityGroupId.map { [$0] } ?? [],
                                privateIpAddress: instance.privateIpAddress, amount: 1, name: instance.name, imageId: instance.imageId,
                                instanceType: instance.instanceType, initialStatus: instance.status))[0].id
                    }
                    made.add("instances", instance.name, id)
                    instanceIds[instance.name] = id
                }
            }
        }
        for (v, vpc) in world.vpcs.enumerated() {
            for (s, vSwitch) in vpc.vswitches.enumerated() {
                let vSwitchId = made.id("vswitches", vSwitch.name)!
                for (h, haVip) in vSwitch.havips.enumerated() {
                    let path = "vpcs[\(v)].vswitches[\(s)].havips[\(h)]"
                    try makeHaVip(tx, context, haVip, vSwitchId: vSwitchId, instanceIds: instanceIds, path: path, made: &made)
                }
            }
        }
        return made
    }

    private static func makeHaVip(
        _ tx: some StoreTransaction, _ context: OperationContext, _ haVip: WorldDocument.HaVip, vSwitchId: String, instanceIds: [String: String],
        path: String, made: inout WorldIDs
    ) throws {
        let id = try at("\(path) (\(haVip.name))") {
            try HaVipOperations.create(
                tx, context,
                HaVipOperations.CreateRequest(vSwitchId: vSwitchId, ipAddress: haVip.ipAddress, name: haVip.name, description: haVip.description)
            ).id
        }
        try HaVipTransitions.finishNow(tx, account: context.account, id: id)
        made.add("havips", haVip.name, id)
        for (a, name) in haVip.associate.enumerated() {
            try at("\(path).associate[\(a)] (\(name))") {
                try HaVipOperations.associate(tx, context, id: id, instanceId: instanceIds[name]!, instanceType: .ecsInstance)
            }
            try HaVipTransitions.finishNow(tx, account: context.account, id: id)
        }
        if haVip.eip {
            let eipId = try at("\(path).eip") {
                let eip = try EipOperations.allocate(
                    tx, context, bandwidth: nil, internetChargeType: nil, instanceChargeType: nil, name: haVip.name, description: nil,
                    resourceGroupId: nil, tags: [])
                try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: id, instanceType: EipInstanceType.haVip.rawValue)
                return eip.id
            }
            made.add("eips", haVip.name, eipId)
        }
    }

    /// Names are unique per kind (the answer maps them to IDs) and a HaVip associates only instances the
    /// document names.
    private static func checkNames(_ world: WorldDocument) throws {
        var seen: [String: Set<String>] = [:]
        func claim(_ kind: String, _ name: String, _ path: String) throws {
            guard !name.isEmpty else { throw APIError.controlInvalidBody("\(path).name: a name of at least one character") }
            guard seen[kind, default: []].insert(name).inserted else {
                throw APIError.controlInvalidBody("\(path).name: another of the document's \(kind) is named \(name)")
            }
        }
        for (g, group) in world.resourceGroups.enumerated() { try claim("resourceGroups", group.name, "resourceGroups[\(g)]") }
        for (v, vpc) in world.vpcs.enumerated() {
            try claim("vpcs", vpc.name, "vpcs[\(v)]")
            for (s, vSwitch) in vpc.vswitches.enumerated() {
                let path = "vpcs[\(v)].vswitches[\(s)]"
                try claim("vswitches", vSwitch.name, path)
                for (i, instance) in vSwitch.instances.enumerated() {
                    try claim("instances", instance.name, "\(path).instances[\(i)]")
                }
                for (h, haVip) in vSwitch.havips.enumerated() { try claim("havips", haVip.name, "\(path).havips[\(h)]") }
            }
        }
        for (v, vpc) in world.vpcs.enumerated() {
            for (s, vSwitch) in vpc.vswitches.enumerated() {
                for (h, haVip) in vSwitch.havips.enumerated() {
                    for (a, name) in haVip.associate.enumerated() where !seen["instances", default: []].contains(name) {
                        throw APIError.controlInvalidBody("vpcs[\(v)].vswitches[\(s)].havips[\(h)].associate[\(a)]: no instance is named \(name)")
                    }
                }
            }
        }
    }

    /// Runs one step of the world; an API error it throws names `path`.
    private static func at<T>(_ path: String, _ step: () throws -> T) throws -> T {
        do {
            return try step()
        } catch let error as APIError {
            throw APIError.located(error, at: path)
        }
    }
}
