// The instance types havip offers in every zone: four of the seventh generation, by their real IDs,
// vCPUs and memory (the published instance family tables), with the ENI, address, bandwidth and queue
// limits the same tables give for their size. Every image runs on every type. A type not listed here is
// refused at launch (InvalidInstanceType.ValueNotSupported), so the list is exactly what
// DescribeInstanceTypes, DescribeZones and DescribeAvailableResource show.

extension InstanceType {
    public static let builtIn: [InstanceType] = [
        InstanceType(
            id: "ecs.c7.large", family: "ecs.c7", cpuCoreCount: 2, memorySize: 4, eniQuantity: 3, eniPrivateIpAddressQuantity: 6,
            eniIpv6AddressQuantity: 6, bandwidth: 3_072_000, packetsPerSecond: 900_000, queuesPerEni: 2),
        InstanceType(
            id: "ecs.g7.large", family: "ecs.g7", cpuCoreCount: 2, memorySize: 8, eniQuantity: 3, eniPrivateIpAddressQuantity: 6,
            eniIpv6AddressQuantity: 6, bandwidth: 3_072_000, packetsPerSecond: 900_000, queuesPerEni: 2),
        InstanceType(
            id: "ecs.g7.xlarge", family: "ecs.g7", cpuCoreCount: 4, memorySize: 16, eniQuantity: 4, eniPrivateIpAddressQuantity: 15,
            eniIpv6AddressQuantity: 15, bandwidth: 5_120_000, packetsPerSecond: 1_000_000, queuesPerEni: 4),
        InstanceType(
            id: "ecs.r7.large", family: "ecs.r7", cpuCoreCount: 2, memorySize: 16, eniQuantity: 3, eniPrivateIpAddressQuantity: 6,
            eniIpv6AddressQuantity: 6, bandwidth: 3_072_000, packetsPerSecond: 900_000, queuesPerEni: 2),
    ]
}
