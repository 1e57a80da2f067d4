@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// EIPs: allocation, binding to an instance or a HaVip (seen from both sides), unbinding and release.
extension ActionCases {
    static let eips: [ActionCase] = [
        // AllocateEipAddress
        .succeeds(AllocateEipAddress.self, "with a bandwidth, a charge type and a name") { _ in
            ["Bandwidth": "10", "InternetChargeType": "PayByTraffic", "Name": "public"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["AllocationId"]?.string)
            let address = try #require(exchange.answer["EipAddress"]?.string)
            #expect(id.hasPrefix("eip-") && address.hasPrefix("47.") && exchange.answer["OrderId"]?.string == "")
            let eip = try await world.eip(id)
            #expect(eip["IpAddress"]?.string == address && eip["Status"]?.string == "Available" && eip["Bandwidth"]?.string == "10")
            #expect(eip["InternetChargeType"]?.string == "PayByTraffic" && eip["Name"]?.string == "public" && eip["InstanceId"]?.string == "")
            #expect(eip["ResourceGroupId"] == exchange.answer["ResourceGroupId"])
        },
        .fails(AllocateEipAddress.self, "a bandwidth of 0", .eipBandwidthInvalid) { _ in ["Bandwidth": "0"] },
        .fails(AllocateEipAddress.self, "an unknown charge type", .eipChargeTypeInvalid) { _ in ["InternetChargeType": "PayByMood"] },
        .fails(AllocateEipAddress.self, "in an unknown region", .regionNotFound) { _ in ["RegionId": "cn-nowhere"] },

        // DescribeEipAddresses
        .succeeds(DescribeEipAddresses.self, "by allocation ID") { world in
            ["AllocationId": world.allocationId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let eip = try #require(exchange.answer.items("EipAddresses").first)
            #expect(eip["AllocationId"]?.string == world.allocationId && eip["IpAddress"]?.string == world.eipAddress)
            #expect(eip["Status"]?.string == "Available" && eip["RegionId"]?.string == ActionWorld.region)
        },
        .succeeds(DescribeEipAddresses.self, "by what it is bound to") { world in
            try await world.bindEipToHaVip()
            return ["AssociatedInstanceType": "HaVip", "AssociatedInstanceId": world.haVipId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.items("EipAddresses").compactMap { $0["AllocationId"]?.string } == [world.allocationId])
        },
        .fails(DescribeEipAddresses.self, "more than 50 IDs", .invalidParameter("AllocationId")) { _ in
            ["AllocationId": (1...51).map { "eip-\($0)" }.joined(separator: ",")]
        },
        .fails(DescribeEipAddresses.self, "a page larger than 100", .invalidParameter("PageSize")) { _ in ["PageSize": "101"] },

        // ReleaseEipAddress
        .succeeds(ReleaseEipAddress.self, "an unbound EIP") { world in
            ["AllocationId": world.allocationId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.count(DescribeEipAddresses.self, ["AllocationId": world.allocationId]) == 0)
        },
        .fails(ReleaseEipAddress.self, "one that does not exist", .eipNotFound) { _ in ["AllocationId": "eip-nothing"] },
        .fails(ReleaseEipAddress.self, "a bound one", .eipIncorrectStatus) { world in
            try await world.bindEipToHaVip()
            return ["AllocationId": world.allocationId]
        },

        // AssociateEipAddress
        .succeeds(AssociateEipAddress.self, "to an instance (the default type)") { world in
            ["AllocationId": world.allocationId, "InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let eip = try await world.eip()
            #expect(eip["Status"]?.string == "InUse" && eip["InstanceId"]?.string == world.instanceId)
            #expect(eip["InstanceType"]?.string == "EcsInstance" && eip["InstanceRegionId"]?.string == ActionWorld.region)
            let instance = try await world.instance()
            #expect(instance["EipAddress"]?["AllocationId"]?.string == world.allocationId)
            #expect(instance["EipAddress"]?["IpAddress"]?.string == world.eipAddress)
        },
        .succeeds(AssociateEipAddress.self, "to a HaVip") { world in
            ["AllocationId": world.allocationId, "InstanceId": world.haVipId, "InstanceType": "HaVip"]
        } then: { world, _ async throws in
            let eip = try await world.eip()
            #expect(eip["Status"]?.string == "InUse" && eip["InstanceId"]?.string == world.haVipId && eip["InstanceType"]?.string == "HaVip")
            #expect(try await world.haVip().strings("AssociatedEipAddresses") == [world.eipAddress])
        },
        .fails(AssociateEipAddress.self, "an EIP that does not exist", .eipNotFound) { world in
            ["AllocationId": "eip-nothing", "InstanceId": world.instanceId]
        },
        .fails(AssociateEipAddress.self, "to an instance that does not exist", .eipInstanceNotFound) { world in
            ["AllocationId": world.allocationId, "InstanceId": "i-nothing"]
        },
        .fails(AssociateEipAddress.self, "to a HaVip that does not exist", .haVipNotFound) { world in
            ["AllocationId": world.allocationId, "InstanceId": "havip-nothing", "InstanceType": "HaVip"]
        },
        .fails(AssociateEipAddress.self, "to an unknown instance type", .instanceTypeUnsupported) { world in
            ["AllocationId": world.allocationId, "InstanceId": world.instanceId, "InstanceType": "Nat"]
        },
        .fails(AssociateEipAddress.self, "again to the same instance", .eipAssociationDuplicated) { world in
            try await world.ok(AssociateEipAddress.self, ["AllocationId": world.allocationId, "InstanceId": world.instanceId])
            return ["AllocationId": world.allocationId, "InstanceId": world.instanceId]
        },
        .fails(AssociateEipAddress.self, "one bound elsewhere", .eipNotAvailableForAssociation) { world in
            try await world.bindEipToHaVip()
            return ["AllocationId": world.allocationId, "InstanceId": world.instanceId]
        },
        .fails(AssociateEipAddress.self, "a second EIP to an instance that has one", .eipAssociationDuplicated) { world in
            try await world.ok(AssociateEipAddress.self, ["AllocationId": world.allocationId, "InstanceId": world.instanceId])
            return ["AllocationId": try await world.created(AllocateEipAddress.self, [:], "AllocationId"), "InstanceId": world.instanceId]
        },

        // UnassociateEipAddress
        .succeeds(UnassociateEipAddress.self, "from its HaVip") { world in
            try await world.bindEipToHaVip()
            return ["AllocationId": world.allocationId, "InstanceId": world.haVipId, "InstanceType": "HaVip"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let eip = try await world.eip()
            #expect(eip["Status"]?.string == "Available" && eip["InstanceId"]?.string == "" && eip["InstanceType"]?.string == "")
            #expect(try await world.haVip().strings("AssociatedEipAddresses") == [])
        },
        .fails(UnassociateEipAddress.self, "one that is not bound", .eipIncorrectStatus) { world in
            ["AllocationId": world.allocationId, "InstanceId": world.instanceId]
        },
        .fails(UnassociateEipAddress.self, "from an instance it is not bound to", .eipInstanceMismatch) { world in
            try await world.bindEipToHaVip()
            return ["AllocationId": world.allocationId, "InstanceId": world.instanceId]
        },
    ]
}
