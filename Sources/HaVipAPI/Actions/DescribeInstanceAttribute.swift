import HaVipModel
import RPCWire

/// ECS `DescribeInstanceAttribute`: one instance by `InstanceId` (RegionId optional: the instance's own).
enum DescribeInstanceAttribute: RPCAction {
    static let name = "DescribeInstanceAttribute"
    static let product = Product.ecs

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let id = try call.parameters.required("InstanceId")
        let region = try await call.region(orRegionOf: Instance.self, id: id, notFound: .instanceNotFound)
        let view = try await call.read(region) { tx, context in try ComputeOperations.instanceView(tx, context, id: id) }
        let (instance, facts) = (view.instance, InstanceFacts(view.instance))
        // The real answer's 32 fields (a HashMap of capacity 64) in wire order, RequestId (added by the
        // server) aside; here PublicIpAddress precedes EipAddress, as it does on the real service.
        return RPCResponse([
            .init("Description", .string(instance.description)),
            .init("Memory", .int(facts.memory)),
            .init("InstanceChargeType", .string(instance.instanceChargeType.rawValue)),
            .init("Cpu", .int(facts.cpu)),
            .init("InstanceNetworkType", "vpc"),
            .init("PublicIpAddress", .strings(item: "IpAddress", [])),
            .init("InnerIpAddress", .strings(item: "IpAddress", [])),
            .init("ExpiredTime", .string(InstanceFacts.expiredTime)),
            .init("ImageId", .string(instance.imageId)),
            .init("EipAddress", .instanceEip(view.eip, withUnassociate: false)),
            .init("InstanceType", .string(instance.instanceType)),
            .init("HostName", .string(instance.hostName)),
            .init("VlanId", ""),
            .init("Status", .string(instance.status.rawValue)),
            .init("IoOptimized", "true"),
            .init("ZoneId", .string(instance.zoneId)),
            .init("InstanceId", .string(instance.id)),
            .init("ClusterId", ""),
            .init("StoppedMode", .string(facts.stoppedMode)),
            .init("DedicatedHostAttribute", .object([.init("DedicatedHostId", ""), .init("DedicatedHostName", "")])),
            .init("SecurityGroupIds", .strings(item: "SecurityGroupId", instance.securityGroupIds)),
            .init("VpcAttributes", .vpcAttributes(instance)),
            .init("OperationLocks", .list(item: "LockReason", [])),
            .init("InternetChargeType", .string(instance.internetChargeType.rawValue)),
            .init("InstanceName", .string(instance.name)),
            .init("InternetMaxBandwidthOut", .int(instance.internetMaxBandwidthOut)),
            .init("SerialNumber", .string(facts.serialNumber)),
            .init("InternetMaxBandwidthIn", .int(instance.internetMaxBandwidthIn)),
            .init("CreationTime", .minuteTime(instance.createdAt)),
            .init("RegionId", .string(instance.regionId)),
            .init("CreditSpecification", ""),
        ])
    }
}
