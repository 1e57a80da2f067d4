@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// The catalogue actions (regions, zones, images, instance types, what is available) and STS: what they
/// answer is the built-in catalogue, and nothing in the world changes it.
extension ActionCases {
    static let catalogue: [ActionCase] = [
        // VPC DescribeRegions
        .succeeds(DescribeRegions.self, "every built-in region, in English") { _ in
            ["AcceptLanguage": "en-US", "RegionId": nil]
        } then: { _, exchange async throws in
            let regions = exchange.answer.items("Regions")
            #expect(regions.compactMap { $0["RegionId"]?.string } == Region.builtIn.map(\.id))
            let hangzhou = regions.first { $0["RegionId"]?.string == "cn-hangzhou" }
            #expect(hangzhou?["LocalName"]?.string == "China (Hangzhou)" && hangzhou?["RegionEndpoint"]?.string == "vpc.aliyuncs.com")
        },
        // DescribeRegions reads nothing it could refuse: the gateway's checks are its errors.
        .fails(DescribeRegions.self, "signed with an unknown AccessKeyId", .accessKeyNotFound) { _ in
            ActionRequest(key: AccessKey(id: "nobody", secret: "nothing", account: AccountID("3333333333333333")))
        },

        // VPC DescribeZones
        .succeeds(DescribeZones.self, "the region's zones") { _ in
            ["AcceptLanguage": "zh-CN"]
        } then: { _, exchange async throws in
            let zones = exchange.answer.items("Zones")
            #expect(zones.compactMap { $0["ZoneId"]?.string } == Region.find("cn-hangzhou")?.zones.map(\.id))
            let h = zones.first { $0["ZoneId"]?.string == ActionWorld.zone }
            #expect(h?["LocalName"]?.string == "杭州 可用区H" && h?["ZoneType"]?.string == "AvailabilityZone")
        },
        .fails(DescribeZones.self, "an unknown region", .regionNotFound) { _ in ["RegionId": "cn-nowhere"] },
        .fails(DescribeZones.self, "a zone type other than AvailabilityZone", .invalidParameter("ZoneType")) { _ in ["ZoneType": "EdgeZone"] },

        // ECS DescribeRegions
        .succeeds(ECS.DescribeRegions.self, "every built-in region with its ECS endpoint") { _ in
            ["RegionId": nil, "AcceptLanguage": "en-US"]
        } then: { _, exchange async throws in
            let regions = exchange.answer.items("Regions")
            #expect(regions.compactMap { $0["RegionId"]?.string } == Region.builtIn.map(\.id))
            let hangzhou = regions.first { $0["RegionId"]?.string == "cn-hangzhou" }
            #expect(hangzhou?["RegionEndpoint"]?.string == "ecs.aliyuncs.com" && hangzhou?["Status"]?.string == "available")
            #expect(hangzhou?["LocalName"]?.string == "China (Hangzhou)")
        },
        .fails(ECS.DescribeRegions.self, "a language ECS does not speak", .acceptLanguageNotFound) { _ in ["AcceptLanguage": "fr-FR"] },
        .fails(ECS.DescribeRegions.self, "an unknown resource type", .ecsResourceTypeNotFound) { _ in ["ResourceType": "vpc"] },

        // ECS DescribeZones
        .succeeds(ECS.DescribeZones.self, "the region's zones with every instance type") { _ in
            [:]
        } then: { _, exchange async throws in
            let zones = exchange.answer.items("Zones")
            #expect(zones.compactMap { $0["ZoneId"]?.string } == Region.find("cn-hangzhou")?.zones.map(\.id))
            #expect(zones.first?.strings("AvailableInstanceTypes") == InstanceType.builtIn.map(\.id))
        },
        .fails(ECS.DescribeZones.self, "an unknown spot strategy", .spotStrategyInvalid) { _ in ["SpotStrategy": "Cheap"] },
        .fails(ECS.DescribeZones.self, "an unknown instance charge type", .instanceChargeTypeNotFound) { _ in ["InstanceChargeType": "Free"] },

        // DescribeAvailableResource
        .succeeds(DescribeAvailableResource.self, "the instance types of one zone") { _ in
            ["DestinationResource": "InstanceType", "ZoneId": ActionWorld.zone]
        } then: { _, exchange async throws in
            let zones = exchange.answer.items("AvailableZones")
            #expect(zones.count == 1 && zones.first?["ZoneId"]?.string == ActionWorld.zone)
            let offered = zones.first?.items("AvailableResources").first?.items("SupportedResources").compactMap { $0["Value"]?.string }
            #expect(offered == InstanceType.builtIn.map(\.id))
        },
        .fails(DescribeAvailableResource.self, "without DestinationResource", .destinationResourceMissing) { _ in [:] },
        .fails(DescribeAvailableResource.self, "an unknown destination", .destinationResourceInvalid) { _ in ["DestinationResource": "Moon"] },
        .fails(DescribeAvailableResource.self, "an unknown region", .availableResourceRegionNotFound) { _ in
            ["RegionId": "cn-nowhere", "DestinationResource": "Zone"]
        },

        // DescribeImages
        .succeeds(DescribeImages.self, "one built-in image by ID") { _ in
            ["ImageId": ActionWorld.image]
        } then: { _, exchange async throws in
            #expect(exchange.answer["TotalCount"]?.integer == 1)
            let image = exchange.answer.items("Images").first
            #expect(image?["ImageId"]?.string == ActionWorld.image && image?["Status"]?.string == "Available")
            #expect(image?["ImageOwnerAlias"]?.string == "system" && exchange.answer["RegionId"]?.string == ActionWorld.region)
        },
        .fails(DescribeImages.self, "an unknown owner alias", .imageOwnerAliasNotSupported) { _ in ["ImageOwnerAlias": "friends"] },
        .fails(DescribeImages.self, "an unknown instance type", .ecsInstanceTypeNotSupported) { _ in ["InstanceType": "ecs.none.large"] },

        // DescribeImageSupportInstanceTypes
        .succeeds(DescribeImageSupportInstanceTypes.self, "a built-in image runs on every built-in type") { _ in
            ["ImageId": ActionWorld.image]
        } then: { _, exchange async throws in
            #expect(exchange.answer["ImageId"]?.string == ActionWorld.image)
            #expect(exchange.answer.items("InstanceTypes").compactMap { $0["InstanceTypeId"]?.string } == InstanceType.builtIn.map(\.id))
        },
        .fails(DescribeImageSupportInstanceTypes.self, "a filter on something other than imageId", .securityGroupAttributeParameterInvalid) { _ in
            ["Filter.1.Key": "osType", "Filter.1.Value": "linux"]
        },

        // DescribeInstanceTypes
        .succeeds(DescribeInstanceTypes.self, "by family") { _ in
            ["InstanceTypeFamily": "ecs.g7", "RegionId": nil]
        } then: { _, exchange async throws in
            let ids = exchange.answer.items("InstanceTypes").compactMap { $0["InstanceTypeId"]?.string }
            #expect(ids == InstanceType.builtIn.filter { $0.family == "ecs.g7" }.map(\.id) && !ids.isEmpty)
            #expect(exchange.answer["NextToken"]?.string == "")
        },
        .fails(DescribeInstanceTypes.self, "a NextToken (every type fits one page)", .nextTokenInvalid) { _ in ["NextToken": "abc"] },
        .fails(DescribeInstanceTypes.self, "a MaxResults that is not a number", .maxResultsInvalid) { _ in ["MaxResults": "many"] },

        // STS GetCallerIdentity
        .succeeds(GetCallerIdentity.self, "the account of the key that signed") { _ in
            ActionRequest(["RegionId": nil], key: TestServer.otherKey)
        } then: { _, exchange async throws in
            let account = TestServer.otherKey.account.rawValue
            #expect(exchange.answer["AccountId"]?.string == account && exchange.answer["UserId"]?.string == account)
            #expect(exchange.answer["Arn"]?.string == "acs:ram::\(account):root" && exchange.answer["IdentityType"]?.string == "Account")
        },
        .fails(GetCallerIdentity.self, "a signature nonce used before", .signatureNonceUsed) { world in
            try await world.ok(GetCallerIdentity.self, ActionRequest(["RegionId": nil], nonce: "once"))
            return ActionRequest(["RegionId": nil], nonce: "once")
        },
        .fails(GetCallerIdentity.self, "a timestamp an hour old", .timestampExpired) { world in
            ActionRequest(["RegionId": nil], timestamp: Timestamp.format(Int64(world.server.clock.now()) - 3600))
        },
    ]
}
