import RPCWire
import Testing

@Suite struct JavaHashMapOrderTests {
    @Test func hashCodeIsJavas() {
        #expect(JavaHashMapOrder.hashCode("") == 0)
        #expect(JavaHashMapOrder.hashCode("a") == 97)
        // Java's best-known collision and its best-known overflow.
        #expect(JavaHashMapOrder.hashCode("Aa") == 2112 && JavaHashMapOrder.hashCode("BB") == 2112)
        #expect(JavaHashMapOrder.hashCode("polygenelubricants") == Int32.min)
        // Over UTF-16 code units: a character outside the BMP counts as its two surrogates.
        #expect(JavaHashMapOrder.hashCode("😀") == 0xD83D &* 31 &+ 0xDE00)
        #expect(JavaHashMapOrder.hashCode("RequestId") == -1_597_066_262)
    }

    @Test func capacityDoublesPastThreeQuarters() {
        let capacities = [0, 1, 12, 13, 24, 25, 48, 49, 55, 96, 97].map { JavaHashMapOrder(keyCount: $0).capacity }
        #expect(capacities == [16, 16, 16, 32, 32, 64, 64, 128, 128, 128, 256])
    }

    @Test func bucketsSpreadTheHighBits() {
        let order = JavaHashMapOrder(keyCount: 55)
        // h = 959502888 (0x3930_DA28): (h ^ h >>> 16) & 127 = (0xDA28 ^ 0x3930) & 127 = 24.
        #expect(order.bucket(of: "EipAddress") == (0xDA28 ^ 0x3930) & 127)
        #expect(order.bucket(of: "EipAddress") < order.bucket(of: "PublicIpAddress"))
        // With fewer keys the table is smaller and the same keys come the other way round.
        #expect(JavaHashMapOrder(keyCount: 12).ordered(["EipAddress", "PublicIpAddress"]) == ["PublicIpAddress", "EipAddress"])
    }

    @Test func keysSharingABucketKeepInsertionOrder() {
        let order = JavaHashMapOrder(keyCount: 2)
        #expect(order.ordered(["Aa", "BB"]) == ["Aa", "BB"])
        #expect(order.ordered(["BB", "Aa"]) == ["BB", "Aa"])
        #expect(order.isOrdered(["Aa", "BB"]) && order.isOrdered(["BB", "Aa"]))
        // A doubling splits a bucket in two but keeps each half in insertion order.
        #expect(JavaHashMapOrder(keyCount: 13).ordered(["BB", "Aa", "Key", "Value"]) == ["BB", "Aa", "Value", "Key"])
    }

    /// A DescribeInstances item captured from the real service in 2020 (a user's script, its 52 keys as the
    /// gateway wrote them): its own HashMap order, which a smaller table would not give.
    static let captured2020 = [
        "ResourceGroupId", "Memory", "InstanceChargeType", "Cpu", "OSName", "InstanceNetworkType", "InnerIpAddress", "ExpiredTime", "ImageId",
        "EipAddress", "HostName", "VlanId", "Status", "MetadataOptions", "InstanceId", "StoppedMode", "CpuOptions", "StartTime",
        "DeletionProtection", "SecurityGroupIds", "VpcAttributes", "InternetChargeType", "InstanceName", "DeploymentSetId",
        "InternetMaxBandwidthOut", "SerialNumber", "OSType", "CreationTime", "AutoReleaseTime", "Description", "InstanceTypeFamily",
        "DedicatedInstanceAttribute", "PublicIpAddress", "GPUSpec", "NetworkInterfaces", "SpotPriceLimit", "DeviceAvailable", "SaleCycle",
        "InstanceType", "OSNameEn", "SpotStrategy", "IoOptimized", "ZoneId", "ClusterId", "EcsCapacityReservationAttr",
        "DedicatedHostAttribute", "GPUAmount", "OperationLocks", "InternetMaxBandwidthIn", "Recyclable", "RegionId", "CreditSpecification",
    ]

    @Test func aRealCaptureIsInHashMapOrder() {
        let order = JavaHashMapOrder(keyCount: Self.captured2020.count)
        #expect(order.capacity == 128)
        #expect(order.ordered(Self.captured2020) == Self.captured2020)
        #expect(order.ordered(Self.captured2020.reversed()) != Self.captured2020)
        #expect(!JavaHashMapOrder(keyCount: 48).isOrdered(Self.captured2020))
        // A 2024 capture lists VlanId before HostName and VpcAttributes before SecurityGroupIds: each pair
        // shares a bucket, so only the insertion order differs.
        #expect(order.bucket(of: "HostName") == order.bucket(of: "VlanId"))
        #expect(order.bucket(of: "VpcAttributes") == order.bucket(of: "SecurityGroupIds"))
    }

    @Test func requestIdGoesWhereEachProductPutsIt() {
        let haVips = RPCResponse([
            .init("TotalCount", .int(1)), .init("HaVips", .list(item: "HaVip", [])), .init("PageSize", .int(10)), .init("PageNumber", .int(1)),
        ])
        // The DescribeHaVips reference: TotalCount, HaVips, PageSize, RequestId, PageNumber.
        #expect(haVips.withRequestId("r", product: .vpc).map(\.name) == ["TotalCount", "HaVips", "PageSize", "RequestId", "PageNumber"])
        // The 2021 DescribeInstances reference: Instances, TotalCount, RequestId, PageSize, PageNumber.
        let instances = RPCResponse([
            .init("Instances", .list(item: "Instance", [])), .init("TotalCount", .int(1)), .init("PageSize", .int(10)), .init("PageNumber", .int(1)),
        ])
        #expect(
            instances.withRequestId("r", product: .ecs).map(\.name) == ["Instances", "TotalCount", "RequestId", "PageSize", "PageNumber"])
        #expect(RPCResponse().withRequestId("r", product: .vpc) == [.init("RequestId", "r")])
    }
}
