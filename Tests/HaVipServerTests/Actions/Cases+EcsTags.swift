@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ECS's tag actions (instances, security groups, ENIs and disks), with ECS's own codes, seen through the
/// resources' Describes and ECS ListTagResources.
extension ActionCases {
    static let ecsTags: [ActionCase] = [
        // ECS TagResources
        .succeeds(ECS.TagResources.self, "two tags on an instance") { world in
            ["ResourceType": "instance", "ResourceId.1": world.instanceId, "Tag.1.Key": "role", "Tag.1.Value": "web", "Tag.2.Key": "env"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let tags = try await world.instance().tags
            #expect(tags == ["role": "web", "env": ""])
        },
        .succeeds(ECS.TagResources.self, "a security group (the type in any case)") { world in
            ["ResourceType": "SecurityGroup", "ResourceId.1": world.groupId, "Tag.1.Key": "tier", "Tag.1.Value": "front"]
        } then: { world, _ async throws in
            let group = try await world.described(DescribeSecurityGroups.self, ["SecurityGroupId": world.groupId], "SecurityGroups")
            #expect(group.tags == ["tier": "front"])
        },
        .fails(ECS.TagResources.self, "without RegionId", .ecsRegionMissing) { world in
            ["RegionId": nil, "ResourceType": "instance", "ResourceId.1": world.instanceId, "Tag.1.Key": "a"]
        },
        .fails(ECS.TagResources.self, "without ResourceType", .ecsResourceTypeMissing) { world in
            ["ResourceId.1": world.instanceId, "Tag.1.Key": "a"]
        },
        .fails(ECS.TagResources.self, "a VPC resource type", .ecsResourceTypeNotFound) { world in
            ["ResourceType": "vpc", "ResourceId.1": world.vpcId, "Tag.1.Key": "a"]
        },
        .fails(ECS.TagResources.self, "no tags", .ecsTagsMissing) { world in ["ResourceType": "instance", "ResourceId.1": world.instanceId] },
        .fails(ECS.TagResources.self, "21 tags", .ecsTagsTooMany) { world in
            var request: ActionRequest = ["ResourceType": "instance", "ResourceId.1": world.instanceId]
            for n in 1...21 { request.parameters["Tag.\(n).Key"] = "k\(n)" }
            return request
        },
        .fails(ECS.TagResources.self, "a resource that does not exist", .ecsResourceNotFound) { _ in
            ["ResourceType": "instance", "ResourceId.1": "i-nothing", "Tag.1.Key": "a"]
        },
        .fails(ECS.TagResources.self, "a key starting with aliyun", TagErrors.ecs.keyInvalid) { world in
            ["ResourceType": "instance", "ResourceId.1": world.instanceId, "Tag.1.Key": "aliyun-x"]
        },

        // UntagResources
        .succeeds(UntagResources.self, "one key of two on an ENI") { world in
            try await world.ok(
                ECS.TagResources.self, ["ResourceType": "eni", "ResourceId.1": world.eniId, "Tag.1.Key": "a", "Tag.2.Key": "b", "Tag.2.Value": "2"])
            return ["ResourceType": "eni", "ResourceId.1": world.eniId, "TagKey.1": "a"]
        } then: { world, exchange async throws in
            #expect(exchange.answer.keys == ["RequestId"])
            let tags = try await world.networkInterface().tags
            #expect(tags == ["b": "2"])
        },
        .fails(UntagResources.self, "neither keys nor All", .ecsTagsMissing) { world in ["ResourceType": "eni", "ResourceId.1": world.eniId] },
        .fails(UntagResources.self, "a resource that does not exist", .ecsResourceNotFound) { _ in
            ["ResourceType": "eni", "ResourceId.1": "eni-nothing", "All": "true"]
        },

        // ECS ListTagResources
        .succeeds(ECS.ListTagResources.self, "a disk's tags, its type in ECS's lower case") { world in
            let diskId = try #require(
                try await world.ok(DescribeDisks.self, ["InstanceId": world.instanceId]).items("Disks").first?["DiskId"]?.string)
            try await world.ok(ECS.TagResources.self, ["ResourceType": "disk", "ResourceId.1": diskId, "Tag.1.Key": "backup", "Tag.1.Value": "daily"])
            return ["ResourceType": "disk", "ResourceId.1": diskId]
        } then: { _, exchange async throws in
            let tags = exchange.answer.items("TagResources")
            #expect(tags.count == 1 && tags.first?["ResourceId"]?.string == exchange["ResourceId.1"])
            #expect(tags.first?["ResourceType"]?.string == "disk" && tags.first?["TagKey"]?.string == "backup")
            #expect(tags.first?["TagValue"]?.string == "daily" && exchange.answer["NextToken"]?.string == "")
        },
        .fails(ECS.ListTagResources.self, "neither resources nor tags", .ecsTagsMissing) { _ in ["ResourceType": "instance"] },
        .fails(ECS.ListTagResources.self, "without ResourceType", .ecsResourceTypeMissing) { world in ["ResourceId.1": world.instanceId] },
        .fails(ECS.ListTagResources.self, "a tag filter without a key", .ecsTagFilterMismatch) { _ in
            ["ResourceType": "instance", "Tag.1.Value": "web"]
        },
    ]
}
