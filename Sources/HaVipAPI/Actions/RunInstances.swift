import HaVipModel
import RPCWire

/// ECS `RunInstances`: `Amount` running instances in a vSwitch (consecutive addresses from
/// `PrivateIpAddress` when given), each with a system disk and a primary ENI.
enum RunInstances: RPCAction {
    static let name = "RunInstances"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let region = try call.parameters.region()
        let dryRun = try call.parameters.boolean("DryRun", default: false)
        let request = try call.parameters.launchRequest(status: .running, amount: true)
        return try await call.write(region, idempotent: true) { tx, context in
            let instances = try ComputeOperations.launch(tx, context, request)
            // Every check has passed: a dry run ends here, and its transaction is rolled back.
            if dryRun { throw APIError.dryRunOperation }
            // Pay-as-you-go answers carry no OrderId or TradePrice; havip makes no orders.
            return RPCResponse([.init("InstanceIdSets", .strings(item: "InstanceIdSet", instances.map(\.id)))])
        }
    }
}

extension Parameters {
    /// The parameters RunInstances and CreateInstance share.
    func launchRequest(status: InstanceStatus, amount allowsAmount: Bool) throws(APIError) -> ComputeOperations.LaunchRequest {
        let imageId = try required("ImageId")
        let instanceType = try required("InstanceType")
        let vSwitchId = try required("VSwitchId")
        let amount: Int
        do {
            amount = allowsAmount ? try integer("Amount", default: 1, in: 1...100) : 1
        } catch {
            throw .amountInvalid
        }
        var request = ComputeOperations.LaunchRequest(
            vSwitchId: vSwitchId, zoneId: optional("ZoneId"), securityGroupIds: try securityGroupIds(),
            privateIpAddress: optional("PrivateIpAddress"), amount: amount, name: self["InstanceName"], imageId: imageId,
            instanceType: instanceType, initialStatus: status)
        (request.hostName, request.description, request.userData) = (optional("HostName"), self["Description"], optional("UserData"))
        (request.keyPairName, request.resourceGroupId) = (optional("KeyPairName"), optional("ResourceGroupId"))
        request.internetChargeType = try wireValue("InternetChargeType", default: .payByTraffic, error: .internetChargeTypeNotSupported)
        request.instanceChargeType = try wireValue("InstanceChargeType", default: .postPaid, error: .instanceChargeTypeNotFound)
        request.systemDiskCategory = try wireValue("SystemDisk.Category", default: .cloudEfficiency, error: .systemDiskCategoryNotSupported)
        request.internetMaxBandwidthOut = try number("InternetMaxBandwidthOut", error: .bandwidthOutMalformed) ?? 0
        request.internetMaxBandwidthIn = try number("InternetMaxBandwidthIn", error: .bandwidthInMalformed)
        request.systemDiskSize = try number("SystemDisk.Size", error: .systemDiskSizeInvalid)
        (request.systemDiskName, request.systemDiskDescription) = (self["SystemDisk.DiskName"], self["SystemDisk.Description"])
        request.deletionProtection = try boolean("DeletionProtection", default: false)
        request.tags = try ecsTags()
        return request
    }
}
