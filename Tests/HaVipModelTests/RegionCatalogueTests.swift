import HaVipModel
import Testing

@Suite struct RegionCatalogueTests {
    @Test func regionAndZoneIdsAreUniqueAndZonesBelongToTheirRegion() {
        let regionIds = Region.builtIn.map(\.id)
        #expect(Set(regionIds).count == regionIds.count)
        let zoneIds = Region.builtIn.flatMap { $0.zones.map(\.id) }
        #expect(Set(zoneIds).count == zoneIds.count)
        for region in Region.builtIn {
            #expect(!region.zones.isEmpty, "\(region.id) has no zone")
            for zone in region.zones { #expect(zone.id.hasPrefix(region.id), "\(zone.id) is not in \(region.id)") }
        }
    }

    @Test(arguments: ["cn-hangzhou", "cn-beijing", "cn-shanghai", "cn-shenzhen", "cn-hongkong", "ap-southeast-1", "us-west-1", "eu-central-1"])
    func mainRegionsArePresent(id: String) {
        #expect(Region.find(id) != nil)
    }

    @Test func endpointsFollowTheTeaSDKRule() throws {
        #expect(try #require(Region.find("cn-hangzhou")).vpcEndpoint == "vpc.aliyuncs.com")
        #expect(try #require(Region.find("cn-beijing")).vpcEndpoint == "vpc.cn-beijing.aliyuncs.com")
        #expect(Region.find("xx-nowhere-1") == nil)
    }

    @Test func acceptLanguagePicksTheName() throws {
        let hangzhou = try #require(Region.find("cn-hangzhou"))
        #expect(hangzhou.name(in: DisplayLanguage(acceptLanguage: nil)).contains("杭州"))
        #expect(hangzhou.name(in: DisplayLanguage(acceptLanguage: "zh-CN")).contains("杭州"))
        #expect(hangzhou.name(in: DisplayLanguage(acceptLanguage: "en-US")) == "China (Hangzhou)")
        #expect(hangzhou.name(in: DisplayLanguage(acceptLanguage: "EN-us")) == "China (Hangzhou)")
    }
}
