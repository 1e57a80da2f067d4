@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// ECS's tag actions (2014-05-26: TagResources, UntagResources with a lower-case t, ListTagResources) on
/// instances, security groups, ENIs and disks; VPC's keep to VPC's resource types.
@Suite struct ECSTagActionsTests {
    @Test func tagListAndUntagEachType() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let instance = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId)
        let eni = try await cloud.call("CreateNetworkInterface", ["VSwitchId": network.vSwitchId, "SecurityGroupId": network.groupId])
            .string("NetworkInterfaceId")
        let disk = try #require(try await cloud.call("DescribeDisks").node("Disks")?.items.first?["DiskId"]?.text)
        for (type, id) in [("instance", instance), ("securitygroup", network.groupId), ("eni", eni), ("Disk", disk)] {
            try await cloud.call("TagResources", ["ResourceType": type, "ResourceId.1": id, "Tag.1.Key": "env", "Tag.1.Value": "test"])
            let listed = try await cloud.call("ListTagResources", ["ResourceType": type, "ResourceId.1": id])
            #expect(listed.names == ["NextToken", "TagResources"])
            let item = try #require(listed.node("TagResources")?.items.first)
            #expect(item.fields.names == ["ResourceId", "TagKey", "ResourceType", "TagValue"])
            #expect(item["ResourceType"]?.text == type.lowercased() && item["ResourceId"]?.text == id && item["TagValue"]?.text == "test")
            try await cloud.call("UntagResources", ["ResourceType": type, "ResourceId.1": id, "TagKey.1": "env"])
            #expect(try await cloud.call("ListTagResources", ["ResourceType": type, "ResourceId.1": id]).node("TagResources")?.items.isEmpty == true)
        }
        // Tags added later show where the resource is described.
        try await cloud.call("TagResources", ["ResourceType": "instance", "ResourceId.1": instance, "Tag.1.Key": "a", "Tag.1.Value": "1"])
        let item = try #require(try await cloud.call("DescribeInstances").node("Instances")?.items.first)
        #expect(item["Tags"] == .ecsTags([("a", "1")]))
        // By tag, across resources; All removes every tag.
        let byTag = try await cloud.call("ListTagResources", ["ResourceType": "instance", "Tag.1.Key": "a"])
        #expect(byTag.node("TagResources")?.items.count == 1)
        try await cloud.call("UntagResources", ["ResourceType": "instance", "ResourceId.1": instance, "All": "true"])
        #expect(try await cloud.call("ListTagResources", ["ResourceType": "instance", "ResourceId.1": instance]).node("TagResources")?.items.isEmpty == true)
    }

    @Test func errors() async throws {
        let cloud = try ECSCloud()
        let network = try await cloud.network()
        let target: [String: String?] = ["ResourceType": "securitygroup", "ResourceId.1": network.groupId]
        let tag: [String: String?] = ["Tag.1.Key": "k", "Tag.1.Value": "v"]
        await cloud.fails(.ecsRegionMissing, "TagResources", target.merging(tag) { a, _ in a }, region: nil)
        await cloud.fails(.ecsResourceTypeMissing, "TagResources", ["ResourceId.1": network.groupId, "Tag.1.Key": "k"])
        await cloud.fails(.ecsResourceTypeNotFound, "TagResources", ["ResourceType": "havip", "ResourceId.1": network.groupId, "Tag.1.Key": "k"])
        await cloud.fails(.ecsTagsMissing, "TagResources", target)
        await cloud.fails(.ecsResourceNotFound, "TagResources", ["ResourceType": "instance", "ResourceId.1": "i-missing", "Tag.1.Key": "k"])
        await cloud.fails(.ecsTagsTooMany, "TagResources", target.merging(Dictionary(uniqueKeysWithValues: (1...21).map { ("Tag.\($0).Key", "k\($0)") })) { a, _ in a })
        await cloud.fails(
            .ecsResourceIdsTooMany, "TagResources",
            tag.merging(Dictionary(uniqueKeysWithValues: (1...51).map { ("ResourceId.\($0)", "sg-\($0)") })) { a, _ in a }.merging(["ResourceType": "securitygroup"]) { a, _ in a })
        await cloud.fails(TagErrors.ecs.keyInvalid, "TagResources", target.merging(["Tag.1.Key": "acs:x"]) { a, _ in a })
        await cloud.fails(TagErrors.ecs.duplicated, "TagResources", target.merging(["Tag.1.Key": "a", "Tag.2.Key": "a"]) { a, _ in a })
        await cloud.fails(.ecsTagsMissing, "UntagResources", target)
        await cloud.fails(.ecsTagsMissing, "ListTagResources", ["ResourceType": "instance"])
        for index in 1...20 {
            try await cloud.call("TagResources", target.merging(["Tag.1.Key": "k\(index)"]) { a, _ in a })
        }
        await cloud.fails(TagErrors.ecs.quotaExceeded, "TagResources", target.merging(["Tag.1.Key": "one-more"]) { a, _ in a })
        // VPC's tag actions know only VPC's types, and ECS's only ECS's.
        await #expect(throws: APIError.resourceTypeInvalid) {
            try await cloud.call("TagResources", ["ResourceType": "INSTANCE", "ResourceId.1": "i-1", "Tag.1.Key": "k"], product: .vpc)
        }
    }
}
