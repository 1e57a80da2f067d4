@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// VPC's tag and resource-group actions (HaVips, VPCs, vSwitches and EIPs), seen through the resources'
/// own Describes and ListTagResources.
extension ActionCases {
    static let vpcTags: [ActionCase] = [
        // TagResources
        .succeeds(TagResources.self, "two tags on a HaVip (the type in any case)") { world in
            ["ResourceType": "HaVip", "ResourceId.1": world.haVipId, "Tag.1.Key": "env", "Tag.1.Value": "prod", "Tag.2.Key": "team",
             "Tag.2.Value": ""]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            #expect(try await world.haVip().tags == ["env": "prod", "team": ""])
        },
        .fails(TagResources.self, "an ECS resource type", .resourceTypeInvalid) { world in
            ["ResourceType": "instance", "ResourceId.1": world.instanceId, "Tag.1.Key": "env"]
        },
        .fails(TagResources.self, "a resource that does not exist", .resourceIdNotFound) { world in
            ["ResourceType": "VPC", "ResourceId.1": world.vpcId, "ResourceId.2": "vpc-nothing", "Tag.1.Key": "env"]
        },
        .fails(TagResources.self, "no ResourceId.N", .missingParameter("ResourceId.N")) { _ in ["ResourceType": "VPC", "Tag.1.Key": "env"] },
        .fails(TagResources.self, "no tags", .missingParameter("Tag.N.Key")) { world in ["ResourceType": "VPC", "ResourceId.1": world.vpcId] },
        .fails(TagResources.self, "a key starting with aliyun", .tagKeyInvalid) { world in
            ["ResourceType": "VPC", "ResourceId.1": world.vpcId, "Tag.1.Key": "aliyun:owner"]
        },
        .fails(TagResources.self, "21 tags", .tagCountExceeded) { world in
            var request: ActionRequest = ["ResourceType": "VPC", "ResourceId.1": world.vpcId]
            for n in 1...21 { request.parameters["Tag.\(n).Key"] = "k\(n)" }
            return request
        },

        // UnTagResources
        .succeeds(UnTagResources.self, "one key of two") { world in
            try await world.ok(
                TagResources.self,
                ["ResourceType": "VSWITCH", "ResourceId.1": world.vSwitchId, "Tag.1.Key": "a", "Tag.1.Value": "1", "Tag.2.Key": "b"])
            return ["ResourceType": "VSWITCH", "ResourceId.1": world.vSwitchId, "TagKey.1": "a"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let vSwitch = try await world.described(DescribeVSwitches.self, ["VSwitchId": world.vSwitchId], "VSwitches")
            #expect(vSwitch.tags == ["b": ""])
        },
        .succeeds(UnTagResources.self, "every tag with All") { world in
            try await world.ok(TagResources.self, ["ResourceType": "EIP", "ResourceId.1": world.allocationId, "Tag.1.Key": "a", "Tag.2.Key": "b"])
            return ["ResourceType": "EIP", "ResourceId.1": world.allocationId, "All": "true"]
        } then: { world, _ async throws in
            #expect(try await world.eip().tags == [:])
        },
        .fails(UnTagResources.self, "a resource that does not exist", .resourceIdNotFound) { _ in
            ["ResourceType": "EIP", "ResourceId.1": "eip-nothing", "TagKey.1": "a"]
        },
        .fails(UnTagResources.self, "no ResourceId.N", .missingParameter("ResourceId.N")) { _ in ["ResourceType": "EIP", "TagKey.1": "a"] },

        // ListTagResources
        .succeeds(ListTagResources.self, "a VPC's tags by ID") { world in
            try await world.ok(TagResources.self, ["ResourceType": "VPC", "ResourceId.1": world.vpcId, "Tag.1.Key": "env", "Tag.1.Value": "prod"])
            try await world.ok(TagResources.self, ["ResourceType": "VSWITCH", "ResourceId.1": world.vSwitchId, "Tag.1.Key": "env"])
            return ["ResourceType": "VPC", "ResourceId.1": world.vpcId]
        } then: { world, exchange async throws in
            let tags = exchange.answer.items("TagResources")
            #expect(tags == [.object(["ResourceId": .string(world.vpcId), "ResourceType": .string("VPC"), "TagKey": .string("env"), "TagValue": .string("prod")])])
            #expect(exchange.answer["NextToken"]?.string == "")
        },
        .succeeds(ListTagResources.self, "by tag, one page at a time") { world in
            let more = [try await world.newVpc(), try await world.newVpc(cidr: "172.16.0.0/12")]
            for id in [world.vpcId] + more {
                try await world.ok(TagResources.self, ["ResourceType": "VPC", "ResourceId.1": id, "Tag.1.Key": "env", "Tag.1.Value": "prod"])
            }
            return ["ResourceType": "VPC", "Tag.1.Key": "env", "Tag.1.Value": "prod", "MaxResults": "2"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.items("TagResources").count == 2)
            let token = try #require(exchange.answer["NextToken"]?.string)
            let rest = try await world.ok(ListTagResources.self, ["ResourceType": "VPC", "Tag.1.Key": "env", "Tag.1.Value": "prod", "NextToken": token])
            #expect(rest.items("TagResources").count == 1 && rest["NextToken"]?.string == "")
        },
        .fails(ListTagResources.self, "neither resources nor tags", .tagsAndResourcesEmpty) { _ in ["ResourceType": "VPC"] },
        .fails(ListTagResources.self, "MaxResults above 50", .invalidParameter("MaxResults")) { world in
            ["ResourceType": "VPC", "ResourceId.1": world.vpcId, "MaxResults": "51"]
        },

        // MoveResourceGroup
        .succeeds(MoveResourceGroup.self, "a VPC") { world in
            ["ResourceType": "vpc", "ResourceId": world.vpcId, "NewResourceGroupId": ActionWorld.resourceGroup]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let vpc = try await world.described(DescribeVpcs.self, ["VpcId": world.vpcId], "Vpcs")
            #expect(vpc["ResourceGroupId"]?.string == ActionWorld.resourceGroup)
            #expect(try await world.count(DescribeVpcs.self, ["ResourceGroupId": ActionWorld.resourceGroup]) == 1)
        },
        .succeeds(MoveResourceGroup.self, "a HaVip") { world in
            ["ResourceType": "HAVIP", "ResourceId": world.haVipId, "NewResourceGroupId": ActionWorld.resourceGroup]
        } then: { world, _ async throws in
            #expect(try await world.haVip()["ResourceGroupId"]?.string == ActionWorld.resourceGroup)
        },
        .fails(MoveResourceGroup.self, "to a group ID of the wrong shape", .resourceGroupIdInvalid) { world in
            ["ResourceType": "vpc", "ResourceId": world.vpcId, "NewResourceGroupId": "default"]
        },
        .fails(MoveResourceGroup.self, "a resource that does not exist", .resourceIdNotFound) { _ in
            ["ResourceType": "vpc", "ResourceId": "vpc-nothing", "NewResourceGroupId": ActionWorld.resourceGroup]
        },
        .fails(MoveResourceGroup.self, "an ECS resource type", .resourceTypeInvalid) { world in
            ["ResourceType": "instance", "ResourceId": world.instanceId, "NewResourceGroupId": ActionWorld.resourceGroup]
        },
    ]
}
