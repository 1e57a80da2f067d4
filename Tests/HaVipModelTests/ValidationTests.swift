import HaVipModel
import Testing

/// Names, descriptions and tags (docs/semantics.md, "Names and descriptions", "Tags and resource groups").
@Suite struct ValidationTests {
    static let c128 = String(repeating: "n", count: 128)
    static let c129 = String(repeating: "n", count: 129)

    @Test(arguments: ["a", "web-vip", "中文名称", ValidationTests.c128, "name http://", "xhttps://y"])
    func acceptedHaVipNames(name: String) async throws {
        let w = try await World.make()
        let haVip = try await w.h.createHaVip(w.vSwitch, name: name)
        #expect(haVip.name == name)
    }

    @Test(arguments: ["", ValidationTests.c129, "http://vip", "https://vip", "HTTP://vip", "Https://vip"])
    func refusedHaVipNames(name: String) async throws {
        let w = try await World.make()
        await #expect(throws: APIError.haVipNameMalformed) { try await w.h.createHaVip(w.vSwitch, name: name) }
        let haVip = try await w.availableHaVip()
        await #expect(throws: APIError.haVipNameMalformed) {
            try await w.h.write { tx, context in try HaVipOperations.modify(tx, context, id: haVip.id, name: name, description: nil) }
        }
        #expect(try await w.h.usedAddresses(w.vSwitch) == w.instances.count + w.enis.count + 1, "a refused creation takes no address")
    }

    @Test func absentNameAndDescriptionAreEmpty() async throws {
        let w = try await World.make()
        let haVip = try await w.h.createHaVip(w.vSwitch)
        #expect(haVip.name == "" && haVip.description == "")
    }

    @Test func descriptionsHoldUpTo256Characters() async throws {
        let w = try await World.make()
        let d256 = String(repeating: "d", count: 256)
        #expect(try await w.h.createHaVip(w.vSwitch, description: d256).description == d256)
        for refused in [String(repeating: "d", count: 257), "", "http://d", "https://d"] {
            await #expect(throws: APIError.descriptionMalformed) { try await w.h.createHaVip(w.vSwitch, description: refused) }
        }
    }

    @Test func eachResourceHasItsOwnNameCode() throws {
        for (error, code) in [
            (APIError.haVipNameMalformed, "Abs.Vpc.InvalidName.Malformed"), (.vpcNameMalformed, "InvalidVpcName.Malformed"),
            (.vSwitchNameMalformed, "InvalidVSwitchName.Malformed"), (.descriptionMalformed, "InvalidDescription.Malformed"),
        ] {
            #expect(error.code == code)
            #expect(throws: error) { try Validation.name(Self.c129, error: error) }
            #expect(throws: error) { try Validation.name("https://x", error: error) }
            #expect(try Validation.name(Self.c128, error: error) == Self.c128)
        }
    }

    @Test func vpcAndVSwitchNamesUseTheirCodes() async throws {
        let h = try Harness()
        await #expect(throws: APIError.vpcNameMalformed) {
            try await h.write { tx, context in
                try NetworkOperations.createVpc(tx, context, cidrBlock: nil, name: "http://vpc", description: nil, resourceGroupId: nil, tags: [])
            }
        }
        await #expect(throws: APIError.vpcDescriptionMalformed) {
            try await h.write { tx, context in
                try NetworkOperations.createVpc(tx, context, cidrBlock: nil, name: nil, description: "", resourceGroupId: nil, tags: [])
            }
        }
        let vpc = try await h.createVpc()
        await #expect(throws: APIError.vSwitchNameMalformed) {
            try await h.write { tx, context in
                try NetworkOperations.createVSwitch(
                    tx, context, vpcId: vpc.id, zoneId: Fixture.zone, cidrBlock: "192.168.1.0/24", name: Self.c129, description: nil, tags: [])
            }
        }
        await #expect(throws: APIError.vSwitchDescriptionMalformed) {
            try await h.write { tx, context in
                try NetworkOperations.createVSwitch(
                    tx, context, vpcId: vpc.id, zoneId: Fixture.zone, cidrBlock: "192.168.1.0/24", name: nil,
                    description: String(repeating: "d", count: 257), tags: [])
            }
        }
    }

    // MARK: Tags

    static func tags(_ pairs: [(String, String)]) -> [(key: String?, value: String?)] { pairs.map { (key: $0.0, value: $0.1) } }

    @Test func acceptedTags() throws {
        let twenty = (1...20).map { ("key\($0)", "value\($0)") }
        #expect(try Validation.tags(Self.tags(twenty)).count == 20)
        let edge = try Validation.tags(Self.tags([(Self.c128, Self.c128), ("empty-value", ""), ("my-aliyun", "x-acs:y")]))
        #expect(edge.map(\.key) == [Self.c128, "empty-value", "my-aliyun"])
        #expect(try Validation.tags([(key: "absent-value", value: nil)]).first?.value == "")
    }

    @Test(arguments: ["aliyun", "aliyunKey", "acs:key", "acs:", ValidationTests.c129, "a http://b", "https://key"])
    func refusedTagKeys(key: String) {
        #expect(throws: APIError.tagKeyInvalid) { try Validation.tags(Self.tags([(key, "v")])) }
    }

    @Test(arguments: ["aliyun", "aliyun-value", "acs:value", ValidationTests.c129, "see http://x", "https://x"])
    func refusedTagValues(value: String) {
        #expect(throws: APIError.tagValueInvalid) { try Validation.tags(Self.tags([("k", value)])) }
    }

    @Test func anEmptyTagKeyIsRefused() {
        #expect(throws: APIError.self) { try Validation.tags(Self.tags([("", "v")])) }
        #expect(throws: APIError.self) { try Validation.tags([(key: nil, value: "v")]) }
    }

    @Test func twentyOneTagsAreTooMany() {
        let many = (1...21).map { ("key\($0)", "v") }
        #expect(throws: APIError.tagCountExceeded) { try Validation.tags(Self.tags(many)) }
    }

    @Test func duplicateKeysAreRefused() {
        #expect(throws: APIError.tagKeyDuplicated) { try Validation.tags(Self.tags([("env", "a"), ("team", "b"), ("env", "c")])) }
    }

    @Test func aResourceCarriesAtMostTwentyTags() async throws {
        let w = try await World.make()
        let haVip = try await w.h.createHaVip(w.vSwitch, tags: (1...18).map { (key: "key\($0)", value: "v") })
        @Sendable func tag(_ keys: [String]) async throws {
            try await w.h.write { tx, context in
                try TagOperations.tag(tx, context, resourceType: .haVip, resourceIds: [haVip.id], tags: keys.map { (key: $0, value: "new") })
            }
        }
        await #expect(throws: APIError.tagQuotaExceeded) { try await tag(["a", "b", "c"]) }
        try await tag(["key1", "key2", "a", "b"])  // two overwritten, two new: 20
        await #expect(throws: APIError.tagQuotaExceeded) { try await tag(["c"]) }
        try await tag(["key3"])  // overwriting is always allowed
        let count = try await w.h.read { tx, context in
            try TagOperations.tags(tx, account: context.account, resourceType: .haVip, resourceIds: [haVip.id])[haVip.id]?.count
        }
        #expect(count == 20)
    }
}
