@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// The HaVip actions: creation, the transitions (`Creating`, `Associating`, `Unassociating`, `Deleting`)
/// seen through DescribeHaVips before and after they finish, associations and the master, deletion.
extension ActionCases {
    static let haVips: [ActionCase] = [
        // CreateHaVip
        .succeeds(CreateHaVip.self, "at a given address, with a name, a description and a tag") { world in
            ["VSwitchId": world.vSwitchId, "IpAddress": "192.168.1.50", "Name": "web", "Description": "front door", "Tag.1.Key": "env",
             "Tag.1.Value": "test"]
        } then: { world, exchange async throws in
            let id = try #require(exchange.answer["HaVipId"]?.string)
            #expect(id.hasPrefix("havip-") && exchange.answer["IpAddress"]?.string == "192.168.1.50")
            #expect(try await world.haVip(id)["Status"]?.string == "Creating")
            world.settle()
            let haVip = try await world.haVip(id)
            #expect(haVip["Status"]?.string == "Available" && haVip["IpAddress"]?.string == "192.168.1.50")
            #expect(haVip["VpcId"]?.string == world.vpcId && haVip["VSwitchId"]?.string == world.vSwitchId)
            #expect(haVip["Name"]?.string == "web" && haVip["Description"]?.string == "front door" && haVip.tags == ["env": "test"])
            #expect(haVip.strings("AssociatedInstances") == [] && haVip["MasterInstanceId"]?.string == "")
        },
        .fails(CreateHaVip.self, "without VSwitchId", .missingParameter("VSwitchId")) { _ in [:] },
        .fails(CreateHaVip.self, "in a vSwitch that does not exist", .haVipVSwitchNotFound) { _ in ["VSwitchId": "vsw-nothing"] },
        .fails(CreateHaVip.self, "at an address outside the vSwitch", .haVipAddress(.outOfRange)) { world in
            ["VSwitchId": world.vSwitchId, "IpAddress": "10.0.0.1"]
        },
        .fails(CreateHaVip.self, "at the address of another HaVip", .haVipAddress(.alreadyUsed)) { world in
            ["VSwitchId": world.vSwitchId, "IpAddress": world.haVipAddress]
        },
        .fails(CreateHaVip.self, "at the vSwitch's reserved first address", .haVipAddress(.reserved)) { world in
            ["VSwitchId": world.vSwitchId, "IpAddress": "192.168.1.0"]
        },
        .fails(CreateHaVip.self, "a name that is a URL", .haVipNameMalformed) { world in ["VSwitchId": world.vSwitchId, "Name": "http://web"] },

        // DescribeHaVips
        .succeeds(DescribeHaVips.self, "by ID") { world in
            ["Filter.1.Key": "HaVipId", "Filter.1.Value.1": world.haVipId]
        } then: { world, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1 && exchange.answer["PageNumber"]?.integer == 1)
            let haVip = try #require(exchange.answer.items("HaVips").first)
            #expect(haVip["HaVipId"]?.string == world.haVipId && haVip["IpAddress"]?.string == world.haVipAddress)
            #expect(haVip["Status"]?.string == "Available" && haVip["RegionId"]?.string == ActionWorld.region)
        },
        .succeeds(DescribeHaVips.self, "by a VPC it is not in") { world in
            ["Filter.1.Key": "VpcId", "Filter.1.Value.1": try await world.newVpc()]
        } then: { _, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 0 && exchange.answer.items("HaVips").isEmpty)
        },
        .fails(DescribeHaVips.self, "an unknown filter key", .haVipFilterKeyUnsupported(index: 1)) { _ in
            ["Filter.1.Key": "Color", "Filter.1.Value.1": "red"]
        },
        .fails(DescribeHaVips.self, "a sixth filter", .invalidParameter("Filter.6.Key")) { _ in ["Filter.6.Key": "VpcId", "Filter.6.Value.1": "vpc-1"] },
        .fails(DescribeHaVips.self, "a filter without values", .missingParameter("Filter.N.Value.M")) { _ in ["Filter.1.Key": "VpcId"] },
        .fails(DescribeHaVips.self, "a page larger than 50", .invalidParameter("PageSize")) { _ in ["PageSize": "51"] },

        // DeleteHaVip
        .succeeds(DeleteHaVip.self, "an Available HaVip: Deleting, then gone and its address free") { world in
            ["HaVipId": world.haVipId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.haVip()["Status"]?.string == "Deleting")
            world.settle()
            #expect(try await world.count(DescribeHaVips.self, ["Filter.1.Key": "HaVipId", "Filter.1.Value.1": world.haVipId]) == 0)
            try await world.ok(CreateHaVip.self, ["VSwitchId": world.vSwitchId, "IpAddress": world.haVipAddress])
        },
        .fails(DeleteHaVip.self, "one that does not exist", .haVipNotFound) { _ in ["HaVipId": "havip-nothing"] },
        .fails(DeleteHaVip.self, "one in use", .haVipDeleteIncorrectStatus) { world in
            try await world.associateHaVip([world.instanceId])
            return ["HaVipId": world.haVipId]
        },
        .fails(DeleteHaVip.self, "one with an EIP", .haVipAssociatedWithEip) { world in
            try await world.bindEipToHaVip()
            return ["HaVipId": world.haVipId]
        },

        // AssociateHaVip
        .succeeds(AssociateHaVip.self, "an instance: Associating, then InUse with it as master") { world in
            ["HaVipId": world.haVipId, "InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let associating = try await world.haVip()
            #expect(associating["Status"]?.string == "Associating" && associating["MasterInstanceId"]?.string == world.instanceId)
            world.settle()
            let haVip = try await world.haVip()
            #expect(haVip["Status"]?.string == "InUse" && haVip.strings("AssociatedInstances") == [world.instanceId])
            #expect(haVip["AssociatedInstanceType"]?.string == "EcsInstance")
        },
        .succeeds(AssociateHaVip.self, "an ENI") { world in
            ["HaVipId": world.haVipId, "InstanceId": world.eniId, "InstanceType": "NetworkInterface"]
        } then: { world, _ async throws in
            world.settle()
            let haVip = try await world.haVip()
            #expect(haVip["Status"]?.string == "InUse" && haVip.strings("AssociatedInstances") == [world.eniId])
            #expect(haVip["AssociatedInstanceType"]?.string == "NetworkInterface" && haVip["MasterInstanceId"]?.string == world.eniId)
        },
        .fails(AssociateHaVip.self, "an instance that does not exist", .instanceNotFound) { world in
            ["HaVipId": world.haVipId, "InstanceId": "i-nothing"]
        },
        .fails(AssociateHaVip.self, "an instance of another vSwitch", .haVipVSwitchMismatch) { world in
            ["HaVipId": world.haVipId, "InstanceId": try await world.elsewhere().instanceId]
        },
        .fails(AssociateHaVip.self, "an instance twice", .haVipAlreadyAssociated) { world in
            try await world.associateHaVip([world.instanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.instanceId]
        },
        .fails(AssociateHaVip.self, "an ENI beside an instance", .haVipInstanceTypeMixed) { world in
            try await world.associateHaVip([world.instanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.eniId, "InstanceType": "NetworkInterface"]
        },
        .fails(AssociateHaVip.self, "an unknown instance type", .instanceTypeUnsupported) { world in
            ["HaVipId": world.haVipId, "InstanceId": world.instanceId, "InstanceType": "Router"]
        },
        .fails(AssociateHaVip.self, "a HaVip still Creating", .haVipAssociateIncorrectStatus) { world in
            let id = try await world.created(CreateHaVip.self, ["VSwitchId": world.vSwitchId], "HaVipId")
            return ["HaVipId": id, "InstanceId": world.instanceId]
        },

        // UnassociateHaVip
        .succeeds(UnassociateHaVip.self, "its only instance: Unassociating, then Available") { world in
            try await world.associateHaVip([world.instanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.instanceId]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.haVip()["Status"]?.string == "Unassociating")
            world.settle()
            let haVip = try await world.haVip()
            #expect(haVip["Status"]?.string == "Available" && haVip.strings("AssociatedInstances") == [])
            #expect(haVip["MasterInstanceId"]?.string == "" && haVip["AssociatedInstanceType"]?.string == "")
        },
        .succeeds(UnassociateHaVip.self, "the master of two with Force: the other takes over") { world in
            try await world.associateHaVip([world.instanceId, world.otherInstanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.instanceId, "Force": "true"]
        } then: { world, _ async throws in
            world.settle()
            let haVip = try await world.haVip()
            #expect(haVip["Status"]?.string == "InUse" && haVip.strings("AssociatedInstances") == [world.otherInstanceId])
            #expect(haVip["MasterInstanceId"]?.string == world.otherInstanceId)
        },
        .fails(UnassociateHaVip.self, "a HaVip that is not in use", .haVipUnassociateIncorrectStatus) { world in
            ["HaVipId": world.haVipId, "InstanceId": world.instanceId]
        },
        .fails(UnassociateHaVip.self, "an instance it is not associated with", .haVipNotAssociated) { world in
            try await world.associateHaVip([world.instanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.otherInstanceId]
        },
        .fails(UnassociateHaVip.self, "the master of two without Force", .haVipMasterNeedsForce) { world in
            try await world.associateHaVip([world.instanceId, world.otherInstanceId])
            return ["HaVipId": world.haVipId, "InstanceId": world.instanceId]
        },

        // ModifyHaVipAttribute
        .succeeds(ModifyHaVipAttribute.self, "name and description") { world in
            ["HaVipId": world.haVipId, "Name": "renamed", "Description": "described"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let haVip = try await world.haVip()
            #expect(haVip["Name"]?.string == "renamed" && haVip["Description"]?.string == "described")
        },
        .fails(ModifyHaVipAttribute.self, "one that does not exist", .haVipNotFound) { _ in ["HaVipId": "havip-nothing", "Name": "x"] },
        .fails(ModifyHaVipAttribute.self, "a name that is a URL", .haVipNameMalformed) { world in ["HaVipId": world.haVipId, "Name": "https://x"] },
        .fails(ModifyHaVipAttribute.self, "one still Creating", .haVipModifyIncorrectStatus) { world in
            ["HaVipId": try await world.created(CreateHaVip.self, ["VSwitchId": world.vSwitchId], "HaVipId"), "Name": "x"]
        },
    ]
}
