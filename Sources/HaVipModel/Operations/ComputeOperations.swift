import Foundation

/// ECS instances, their system disks, security groups and ENIs: what HaVips and the tools around them
/// need, with the same address rules. Security groups and ENIs are in `ComputeOperations+…` files.
public enum ComputeOperations {
    /// RunInstances / CreateInstance: what to launch.
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
        /// As given (`${instance_id}` is replaced by each instance's ID); nil for the real default.
        public var hostName: String?
        public var description: String?
        public var userData: String?
        public var internetChargeType: InternetChargeType = .payByTraffic
        public var internetMaxBandwidthOut = 0
        /// Nil for the real default: 10, or the outbound bandwidth when that is more. At most 200.
        public var internetMaxBandwidthIn: Int?
        public var instanceChargeType: InstanceChargeType = .postPaid
        public var keyPairName: String?
        public var resourceGroupId: String?
        public var deletionProtection = false
        public var systemDiskCategory: DiskCategory = .cloudEfficiency
        /// Nil for the real default: 40 GiB, or the image's size when that is more.
        public var systemDiskSize: Int?
        public var systemDiskName: String?
        public var systemDiskDescription: String?
        /// Put on each instance, its system disk and its primary ENI.
        public var tags: [(key: String, value: String)] = []

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

    /// The largest system disk, GiB.
    static let maximumSystemDiskSize = 500

    /// RunInstances / CreateInstance. With an explicit address and `amount > 1`, consecutive addresses are used.
    public static func launch(_ tx: some StoreTransaction, _ context: OperationContext, _ request: LaunchRequest) throws -> [Instance] {
        guard let image = Image.find(request.imageId) else { throw APIError.imageNotFound }
        guard InstanceType.find(request.instanceType) != nil else { throw APIError.ecsInstanceTypeNotSupported }
        let vSwitch = try tx.find(VSwitch.self, request.vSwitchId, context, notFound: .ecsVSwitchNotFound, lock: true)
        if let zoneId = request.zoneId, zoneId != vSwitch.zoneId { throw APIError.zoneVSwitchMismatch }
        let groups = try securityGroups(tx, context, request.securityGroupIds, vpcId: vSwitch.vpcId)
        let template = try instanceTemplate(tx, request, context)
        let diskSize = try systemDiskSize(request.systemDiskSize, image: image)
        let diskName = try Validation.name(request.systemDiskName, error: .diskNameMalformed)
        let diskDescription = try Validation.description(request.systemDiskDescription, minLength: 2, error: .diskDescriptionMalformed)
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
                description: "", resourceGroupId: template.resourceGroupId)
            var instance = template
            (instance.id, instance.regionId, instance.zoneId, instance.vpcId, instance.vSwitchId) =
                (id, context.regionId, vSwitch.zoneId, vSwitch.vpcId, vSwitch.id)
            (instance.privateIpAddress, instance.securityGroupIds, instance.primaryNetworkInterfaceId) = (eni.primaryIpAddress, groups, eni.id)
            instance.name = template.name.isEmpty ? id : template.name
            instance.hostName =
                try request.hostName.map { try Validation.hostName($0.replacingOccurrences(of: "${instance_id}", with: id)) }
                ?? Instance.defaultHostName(id: id)
            try tx.insert(instance)
            let disk = Disk(
                id: context.ids.resourceId(prefix: "d"), account: context.account, regionId: context.regionId, zoneId: vSwitch.zoneId,
                instanceId: id, type: .system, category: request.systemDiskCategory, size: diskSize, name: diskName,
                description: diskDescription, device: Disk.systemDevice, status: .inUse, deleteWithInstance: true,
                resourceGroupId: instance.resourceGroupId, createdAt: context.now, attachedAt: context.now)
            try tx.insert(disk)
            try TagOperations.replace(tx, context, instance, tags: request.tags)
            try TagOperations.replace(tx, context, disk, tags: request.tags)
            try TagOperations.replace(tx, context, eni, tags: request.tags)
            instances.append(instance)
        }
        return instances
    }

    /// What every instance of a launch shares, checked once: everything but the IDs, addresses and placement.
    static func instanceTemplate(_ tx: some StoreTransaction, _ request: LaunchRequest, _ context: OperationContext) throws -> Instance {
        let name = try Validation.name(request.name, error: .instanceNameMalformed)
        guard (0...100).contains(request.internetMaxBandwidthOut) else { throw APIError.bandwidthOutMalformed }
        // The default is the 2021 reference's (10, or the outbound bandwidth when more); the range is the
        // older reference's 1-200, which footmark's default of 200 needs.
        let inbound = request.internetMaxBandwidthIn ?? max(10, request.internetMaxBandwidthOut)
        guard (1...200).contains(inbound) else { throw APIError.bandwidthInMalformed }
        let keyPairName = try Validation.name(request.keyPairName, error: .keyPairNameMalformed)
        var instance = Instance(
            id: "", account: context.account, regionId: "", zoneId: "", vpcId: "", vSwitchId: "", privateIpAddress: "", securityGroupIds: [],
            status: request.initialStatus, name: name, imageId: request.imageId, instanceType: request.instanceType,
            primaryNetworkInterfaceId: "", createdAt: context.now)
        instance.description = try Validation.description(request.description, minLength: 2, error: .instanceDescriptionMalformed)
        instance.userData = try request.userData.map(Validation.userData) ?? ""
        (instance.internetChargeType, instance.internetMaxBandwidthOut, instance.internetMaxBandwidthIn) =
            (request.internetChargeType, request.internetMaxBandwidthOut, inbound)
        (instance.instanceChargeType, instance.keyPairName, instance.deletionProtection) =
            (request.instanceChargeType, keyPairName, request.deletionProtection)
        instance.resourceGroupId = try ResourceGroupOperations.resolve(tx, request.resourceGroupId, context)
        return instance
    }

    /// `SystemDisk.Size`: 20 to 500 GiB and at least the image's size; by default 40 or the image's size.
    static func systemDiskSize(_ size: Int?, image: Image) throws(APIError) -> Int {
        guard let size else { return max(40, image.size) }
        guard size >= 20 else { throw .systemDiskSizeBelowMinimum }
        guard size <= maximumSystemDiskSize else { throw .systemDiskSizeAboveMaximum }
        guard size >= image.size else { throw .systemDiskSizeBelowImage }
        return size
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

    /// Restarts a running instance. havip restarts at once: the instance stays `Running` and keeps every
    /// HaVip it is master of.
    public static func reboot(_ tx: some StoreTransaction, _ context: OperationContext, id: String) throws {
        let instance = try findInstance(tx, context, id)
        guard instance.status == .running else { throw APIError.instanceIncorrectStatus }
    }

    /// Deletes a stopped instance (a running one only with `force`; never one with release protection, nor
    /// one a route goes through), its primary ENI and address, its system disk and their tags; it leaves
    /// every HaVip it was associated with (masters fail over) and its EIP is unbound.
    public static func delete(_ tx: some StoreTransaction, _ context: OperationContext, id: String, force: Bool) throws {
        let instance = try findInstance(tx, context, id)
        guard !instance.deletionProtection else { throw APIError.deletionProtected }
        guard instance.status == .stopped || force else { throw APIError.instanceIncorrectStatus }
        let interfaces = try tx.select(Query(NetworkInterface.self, account: context.account, [.equals(NetworkInterface.column.instanceId, id)]))
        for hop in [id] + interfaces.filter({ $0.type == .primary }).map(\.id) {
            if try RouteOperations.isNextHop(tx, account: context.account, id: hop) { throw APIError.instanceIsRouteNextHop }
        }
        try HaVipOperations.instanceRemoved(tx, account: context.account, instanceId: id)
        try EipOperations.instanceRemoved(tx, account: context.account, instanceId: id)
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
        for disk in try tx.select(Query(Disk.self, account: context.account, [.equals(Disk.column.instanceId, id)])) {
            try TagOperations.removeAll(tx, disk)
            try tx.delete(disk, account: context.account)
        }
        try TagOperations.removeAll(tx, instance)
        try tx.delete(instance, account: context.account)
    }

    /// An Alibaba-style MAC address, `00:16:3e:xx:xx:xx`.
    static func macAddress(_ random: UInt64) -> String {
        let bytes = (0..<3).map { String(format: "%02x", Int(random >> (8 * $0) & 0xFF)) }
        return "00:16:3e:" + bytes.joined(separator: ":")
    }
}
