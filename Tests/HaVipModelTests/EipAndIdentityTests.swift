import Foundation
import HaVipModel
import Testing

/// EIPs bound to HaVips, and the shape of IDs and default resource groups (docs/semantics.md).
@Suite struct EipAndIdentityTests {
    static func bind(_ w: World, _ eip: Eip, to haVipId: String) async throws {
        try await w.h.write { tx, context in
            try EipOperations.associate(tx, context, allocationId: eip.id, instanceId: haVipId, instanceType: "HaVip")
        }
    }

    @Test func oneEipPerHaVipAndReleaseOnlyWhenAvailable() async throws {
        let w = try await World.make()
        let haVip = try await w.availableHaVip()
        let eip = try await w.h.allocateEip()
        let spare = try await w.h.allocateEip()
        try await Self.bind(w, eip, to: haVip.id)
        let bound = try await w.h.read { tx, context in try EipOperations.find(tx, context, eip.id) }
        #expect(bound.status == .inUse && bound.instanceType == .haVip && bound.instanceId == haVip.id, "EIP transitions are synchronous")
        await #expect(throws: APIError.eipAssociationDuplicated) { try await Self.bind(w, spare, to: haVip.id) }
        await #expect(throws: APIError.eipAssociationDuplicated) { try await Self.bind(w, eip, to: haVip.id) }
        await #expect(throws: APIError.eipIncorrectStatus) {
            try await w.h.write { tx, context in try EipOperations.release(tx, context, allocationId: eip.id) }
        }
        try await w.h.write { tx, context in try EipOperations.release(tx, context, allocationId: spare.id) }
    }

    @Test func aHaVipMustBeAvailableOrInUseToTakeAnEip() async throws {
        let w = try await World.make(settings: ModelSettings(transitionDelay: 5))
        let haVip = try await w.h.createHaVip(w.vSwitch)
        let eip = try await w.h.allocateEip()
        await #expect(throws: APIError.haVipAssociateIncorrectStatus) { try await Self.bind(w, eip, to: haVip.id) }
        await #expect(throws: APIError.haVipNotFound) { try await Self.bind(w, eip, to: "havip-nothing") }
    }

    @Test func eipAddressesArePublicAndUniqueAcrossAccounts() async throws {
        let w = try await World.make()
        var addresses: [String] = []
        for account in [Fixture.account, Fixture.otherAccount] {
            for _ in 0..<10 {
                let eip = try await w.h.write(account: account) { tx, context in
                    try EipOperations.allocate(
                        tx, context, bandwidth: nil, internetChargeType: nil, instanceChargeType: nil, name: nil, description: nil,
                        resourceGroupId: nil, tags: [])
                }
                addresses.append(eip.ipAddress)
            }
        }
        let pool = try #require(IPv4CIDR("47.0.0.0/8"))
        for address in addresses { #expect(pool.contains(try #require(IPv4Address(address))), "\(address)") }
        #expect(Set(addresses).count == addresses.count)
    }

    @Test func randomIdsLookLikeRealOnes() {
        let ids = RandomIDGenerator()
        for prefix in ["havip", "vpc", "vsw", "eip", "sg", "i", "eni"] {
            let id = ids.resourceId(prefix: prefix)
            let suffix = id.dropFirst(prefix.count + 1)
            #expect(id.hasPrefix(prefix + "-"))
            #expect(suffix.count == 22 && suffix.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }, "\(id)")
        }
        #expect(ids.resourceId(prefix: "havip") != ids.resourceId(prefix: "havip"))
    }

    @Test func requestIdsAreUppercaseVersion4UUIDs() throws {
        let ids = RandomIDGenerator()
        var seen = Set<String>()
        for _ in 0..<1000 {
            let id = ids.requestId()
            let parsed = try #require(UUID(uuidString: id), "\(id)")
            #expect(parsed.uuidString == id)
            #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
            #expect(Array(id)[14] == "4")
            #expect("89AB".contains(Array(id)[19]))
            seen.insert(id)
        }
        #expect(seen.count == 1000)
    }

    @Test func sequentialIdsAndTheManualClockAreExact() {
        let ids = SequentialIDGenerator()
        #expect(ids.resourceId(prefix: "havip") == "havip-0000000000000000000001")
        #expect(ids.requestId() == "00000000-0000-4000-8000-000000000002")
        let clock = ManualClock(100)
        clock.advance(by: 2.5)
        #expect(clock.now() == 102.5)
        clock.set(7)
        #expect(clock.now() == 7)
    }

    @Test func theDefaultResourceGroupIsStablePerAccount() {
        let mine = ResourceGroup.defaultId(for: Fixture.account)
        #expect(mine == ResourceGroup.defaultId(for: AccountID(Fixture.account.rawValue)))
        #expect(mine != ResourceGroup.defaultId(for: Fixture.otherAccount))
        #expect(mine.hasPrefix("rg-acfm") && mine.count == "rg-acfm".count + 11)
        #expect(ResourceGroup.isValid(mine))
        for invalid in ["rg-", "group", "rg-ABC", "rg-a_b", "rg-" + String(repeating: "a", count: 62)] {
            #expect(!ResourceGroup.isValid(invalid), "\(invalid)")
        }
    }
}
