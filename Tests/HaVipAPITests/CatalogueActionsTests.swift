@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// The catalogue (ECS regions and zones, images, instance types, available resources): honest, small, and
/// exactly what RunInstances accepts.
@Suite struct CatalogueActionsTests {
    @Test func ecsRegionsAndZones() async throws {
        let cloud = try ECSCloud()
        // No RegionId, as libcloud sends it.
        let regions = try #require(try await cloud.call("DescribeRegions", region: nil).node("Regions")?.items)
        #expect(regions.count == Region.builtIn.count)
        let hangzhou = try #require(regions.first { $0["RegionId"]?.text == "cn-hangzhou" })
        #expect(hangzhou.fields.names == ["Status", "RegionId", "RegionEndpoint", "LocalName"])
        #expect(hangzhou["RegionEndpoint"]?.text == "ecs.aliyuncs.com" && hangzhou["Status"]?.text == "available")
        let english = try await cloud.call("DescribeRegions", ["AcceptLanguage": "en-US"], region: nil)
        #expect(english.node("Regions")?.items.first { $0["RegionId"]?.text == "cn-zhangjiakou" }?["RegionEndpoint"]?.text
            == "ecs.cn-zhangjiakou.aliyuncs.com")
        await cloud.fails(.acceptLanguageNotFound, "DescribeRegions", ["AcceptLanguage": "fr-FR"], region: nil)
        await cloud.fails(.ecsResourceTypeNotFound, "DescribeRegions", ["ResourceType": "lake"], region: nil)

        let zones = try #require(try await cloud.call("DescribeZones", ["InstanceChargeType": "PostPaid", "SpotStrategy": "NoSpot"]).node("Zones")?.items)
        #expect(zones.map { $0["ZoneId"]?.text } == Region.find("cn-hangzhou")!.zones.map(\.id))
        let zone = zones[0]
        #expect(zone["AvailableInstanceTypes"]?.strings == InstanceType.builtIn.map(\.id))
        #expect(zone["AvailableDiskCategories"]?.strings == ["cloud_efficiency", "cloud_ssd", "cloud_essd"])
        #expect(zone["AvailableResourceCreation"]?.strings.contains("VSwitch") == true)
        await cloud.fails(.regionNotFound, "DescribeZones", ["RegionId": "xx-nowhere-1"])
        await cloud.fails(.missingParameter("RegionId"), "DescribeZones", region: nil)
        await cloud.fails(.instanceChargeTypeNotFound, "DescribeZones", ["InstanceChargeType": "Free"])
        await cloud.fails(.spotStrategyInvalid, "DescribeZones", ["SpotStrategy": "Cheap"])
        // The VPC actions of the same names answer as before.
        let vpcZones = try await cloud.call("DescribeZones", product: .vpc)
        #expect(vpcZones.node("Zones")?.items.first?.fields.names == ["ZoneId", "LocalName", "ZoneType"])
    }

    @Test func images() async throws {
        let cloud = try ECSCloud()
        let all = try await cloud.call("DescribeImages", ["ImageOwnerAlias": "system", "PageNumber": "1", "PageSize": "100"])
        #expect(all.node("TotalCount") == .int(Image.builtIn.count))
        let names = all.node("Images")?.items.compactMap { $0["ImageName"]?.text } ?? []
        #expect(names.contains { $0.range(of: "^ubuntu_18.*64", options: .regularExpression) != nil })
        let one = try await cloud.call("DescribeImages", ["ImageId": "ubuntu_18_04_x64_20G_alibase_20200914.vhd,nope"])
        #expect(one.node("TotalCount") == .int(1) && one.node("Images")?.items.first?["Size"] == .int(20))
        #expect(try await cloud.call("DescribeImages", ["ImageOwnerAlias": "self"]).node("TotalCount") == .int(0))
        #expect(try await cloud.call("DescribeImages", ["OSType": "windows"]).node("TotalCount") == .int(0))
        #expect(try await cloud.call("DescribeImages", ["PageSize": "1", "PageNumber": "2"]).node("Images")?.items.count == 1)
        await cloud.fails(.imageOwnerAliasNotSupported, "DescribeImages", ["ImageOwnerAlias": "everyone"])
        await cloud.fails(.imageOSTypeInvalid, "DescribeImages", ["OSType": "beos"])
        await cloud.fails(.imageArchitectureInvalid, "DescribeImages", ["Architecture": "mips"])
        await cloud.fails(.imageUsageInvalid, "DescribeImages", ["Usage": "always"])
        await cloud.fails(.ecsInstanceTypeNotSupported, "DescribeImages", ["InstanceType": "ecs.t1.small"])
        await cloud.fails(.regionNotFound, "DescribeImages", ["RegionId": "xx-nowhere-1"])
        // Every image listed launches.
        let network = try await cloud.network()
        for image in Image.builtIn {
            _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["ImageId": image.id])
        }
    }

    @Test func instanceTypes() async throws {
        let cloud = try ECSCloud()
        // No RegionId, as libcloud and Terraform send it.
        let all = try await cloud.call("DescribeInstanceTypes", region: nil)
        #expect(all.names == ["NextToken", "InstanceTypes"])
        let types = try #require(all.node("InstanceTypes")?.items)
        #expect(types.compactMap { $0["InstanceTypeId"]?.text } == InstanceType.builtIn.map(\.id))
        #expect(types[1]["MemorySize"] == .int(8) && types[1]["CpuCoreCount"] == .int(2) && types[1]["EniQuantity"] == .int(3))
        let some = try await cloud.call("DescribeInstanceTypes", ["InstanceTypes.1": "ecs.g7.xlarge", "InstanceTypeFamily": "ecs.g7"], region: nil)
        #expect(some.node("InstanceTypes")?.items.count == 1)
        await cloud.fails(.nextTokenInvalid, "DescribeInstanceTypes", ["NextToken": "abc"], region: nil)
        await cloud.fails(.maxResultsInvalid, "DescribeInstanceTypes", ["MaxResults": "many"], region: nil)
        // Every type listed launches.
        let network = try await cloud.network()
        for type in InstanceType.builtIn {
            _ = try await cloud.runInstance(vSwitchId: network.vSwitchId, groupId: network.groupId, ["InstanceType": type.id])
        }

        let supported = try await cloud.call("DescribeImageSupportInstanceTypes", ["ImageId": ECSCloud.image])
        #expect(supported.names == ["ImageId", "RegionId", "InstanceTypes"])
        #expect(supported.node("InstanceTypes")?.items.count == InstanceType.builtIn.count)
        let filtered = try await cloud.call("DescribeImageSupportInstanceTypes", ["Filter.1.Key": "imageId", "Filter.1.Value": ECSCloud.image])
        #expect(filtered.node("InstanceTypes")?.items.count == InstanceType.builtIn.count)
        #expect(try await cloud.call("DescribeImageSupportInstanceTypes", ["ImageId": "nope"]).node("InstanceTypes")?.items.isEmpty == true)
        await cloud.fails(.securityGroupAttributeParameterInvalid, "DescribeImageSupportInstanceTypes", ["Filter.1.Key": "os"])
    }

    @Test func availableResource() async throws {
        let cloud = try ECSCloud()
        let zones = try await cloud.call(
            "DescribeAvailableResource",
            ["DestinationResource": "Zone", "IoOptimized": "optimized", "InstanceChargeType": "PostPaid", "SpotStrategy": "NoSpot"])
        let items = try #require(zones.node("AvailableZones")?.items)
        #expect(items.count == Region.find("cn-hangzhou")!.zones.count)
        #expect(items[0].fields.names == ["Status", "StatusCategory", "ZoneId", "AvailableResources", "RegionId"])
        #expect(items[0]["AvailableResources"]?.items.first?["SupportedResources"]?.items.first?["Value"] == items[0]["ZoneId"])
        let types = try await cloud.call("DescribeAvailableResource", ["DestinationResource": "InstanceType", "ZoneId": ECSCloud.zone])
        let values = types.node("AvailableZones")?.items.first?["AvailableResources"]?.items.first?["SupportedResources"]?.items.compactMap { $0["Value"]?.text }
        #expect(values == InstanceType.builtIn.map(\.id))
        let small = try await cloud.call("DescribeAvailableResource", ["DestinationResource": "InstanceType", "Cores": "4"])
        #expect(small.node("AvailableZones")?.items.first?["AvailableResources"]?.items.first?["SupportedResources"]?.items.count == 1)
        let classic = try await cloud.call("DescribeAvailableResource", ["DestinationResource": "Zone", "NetworkCategory": "classic"])
        #expect(classic.node("AvailableZones")?.items.isEmpty == true)
        await cloud.fails(.destinationResourceMissing, "DescribeAvailableResource")
        await cloud.fails(.destinationResourceInvalid, "DescribeAvailableResource", ["DestinationResource": "Everything"])
        await cloud.fails(.availableResourceRegionNotFound, "DescribeAvailableResource", ["RegionId": "xx-nowhere-1", "DestinationResource": "Zone"])
        await cloud.fails(.availableResourceChargeTypeInvalid, "DescribeAvailableResource", ["DestinationResource": "Zone", "InstanceChargeType": "x"])
        await cloud.fails(.availableResourceSpotStrategyInvalid, "DescribeAvailableResource", ["DestinationResource": "Zone", "SpotStrategy": "x"])
        await cloud.fails(.ioOptimizedInvalid, "DescribeAvailableResource", ["DestinationResource": "Zone", "IoOptimized": "x"])
        await cloud.fails(.networkCategoryInvalid, "DescribeAvailableResource", ["DestinationResource": "Zone", "NetworkCategory": "x"])
        await cloud.fails(.availableResourceTypeInvalid, "DescribeAvailableResource", ["DestinationResource": "Zone", "ResourceType": "x"])
    }
}
