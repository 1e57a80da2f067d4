/// An ECS instance type: what `InstanceType` may name at launch, with the sizes DescribeInstanceTypes
/// shows and DescribeInstances echoes (`Cpu`, `Memory`).
public struct InstanceType: Sendable, Hashable {
    /// e.g. `ecs.g7.large`.
    public let id: String
    /// e.g. `ecs.g7`.
    public let family: String
    public let cpuCoreCount: Int
    /// GiB.
    public let memorySize: Int
    /// How many ENIs an instance of the type can have, its primary one included.
    public let eniQuantity: Int
    /// Private addresses per ENI.
    public let eniPrivateIpAddressQuantity: Int
    public let eniIpv6AddressQuantity: Int
    /// Kbit/s.
    public let bandwidth: Int
    /// Packets per second.
    public let packetsPerSecond: Int
    /// Queues per ENI.
    public let queuesPerEni: Int
    public let diskQuantity: Int

    public init(
        id: String, family: String, cpuCoreCount: Int, memorySize: Int, eniQuantity: Int, eniPrivateIpAddressQuantity: Int,
        eniIpv6AddressQuantity: Int, bandwidth: Int, packetsPerSecond: Int, queuesPerEni: Int, diskQuantity: Int = 17
    ) {
        self.id = id
        self.family = family
        self.cpuCoreCount = cpuCoreCount
        self.memorySize = memorySize
        self.eniQuantity = eniQuantity
        self.eniPrivateIpAddressQuantity = eniPrivateIpAddressQuantity
        self.eniIpv6AddressQuantity = eniIpv6AddressQuantity
        self.bandwidth = bandwidth
        self.packetsPerSecond = packetsPerSecond
        self.queuesPerEni = queuesPerEni
        self.diskQuantity = diskQuantity
    }

    /// The type with this ID, or nil.
    public static func find(_ id: String) -> InstanceType? { builtIn.first { $0.id == id } }
}
