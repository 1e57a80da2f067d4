import HaVipModel
import Testing

/// A world document made through the API's operations in one transaction, and failover.
@Suite struct WorldAndFailoverTests {
    static let document = WorldDocument(
        account: Fixture.account, region: Fixture.region,
        vpcs: [
            WorldDocument.VPC(
                name: "prod", cidr: "10.0.0.0/16",
                vswitches: [
                    WorldDocument.VSwitch(
                        name: "a", zone: Fixture.zone, cidr: "10.0.1.0/24",
                        instances: [WorldDocument.Instance(name: "web1"), WorldDocument.Instance(name: "web2")],
                        havips: [WorldDocument.HaVip(name: "vip", associate: ["web1", "web2"], eip: true)])
                ])
        ])

    func apply(_ h: Harness, _ document: WorldDocument) async throws -> WorldIDs {
        try await h.write(settle: false) { tx, context in
            try WorldOperations.apply(tx, document, now: context.now, ids: context.ids, settings: context.settings)
        }
    }

    @Test func aWorldIsMadeSettledWhateverTheTransitionMode() async throws {
        let h = try Harness(settings: ModelSettings(transitionDelay: 5))
        try await h.write { tx, context in try Transitions.setMode(tx, .manual, now: context.now) }
        let made = try await apply(h, Self.document)
        #expect(made.kinds.map(\.kind) == ["vpcs", "securityGroups", "vswitches", "instances", "havips", "eips"])
        let haVipId = try #require(made.id("havips", "vip"))
        let haVip = try #require(try await h.haVip(haVipId))
        #expect(haVip.status == .inUse && haVip.nextStatus == nil)
        #expect(haVip.name == "vip" && haVip.ipAddress == "10.0.1.3")  // after web1 and web2
        #expect(haVip.masterInstanceId == made.id("instances", "web1"))
        #expect(try await h.members(haVip) == [made.id("instances", "web1"), made.id("instances", "web2")])
        let eip = try await h.read { tx, context in try EipOperations.boundEip(tx, account: context.account, instanceId: haVipId) }
        #expect(eip?.id == made.id("eips", "vip"))
        #expect(try await h.read { tx, context in try tx.fetch(Vpc.self, made.id("vpcs", "prod")!, account: context.account)?.name } == "prod")
    }

    /// Bad documents: what each changes in the good one, and the code and located message it is refused with.
    static func bad(_ index: Int) -> (document: WorldDocument, code: String, message: String) {
        var d = document
        switch index {
        case 0:
            d.vpcs[0].vswitches.append(WorldDocument.VSwitch(name: "b", zone: Fixture.zone, cidr: "192.168.1.0/24"))
            return (d, "InvalidParameter", "vpcs[0].vswitches[1] (b): Specified CIDR block is not valid in VPC.")
        case 1:
            d.vpcs[0].vswitches[0].havips[0].associate = ["web1", "web3"]
            return (d, "InvalidBody", "vpcs[0].vswitches[0].havips[0].associate[1]: no instance is named web3")
        case 2:
            d.vpcs[0].vswitches[0].instances[1].name = "web1"
            return (d, "InvalidBody", "vpcs[0].vswitches[0].instances[1].name: another of the document's instances is named web1")
        case 3:
            d.vpcs[0].vswitches[0].havips[0].ipAddress = "10.9.9.9"
            return (d, "InvalidIPAddress.OutOfRange", "vpcs[0].vswitches[0].havips[0] (vip): The specified IPAddress is out of VSwitch CIDR.")
        case 4:
            d.region = "xx-nowhere-1"
            return (d, "InvalidRegionId.NotFound", "region: The RegionId provided does not exist in our records.")
        default:
            d.vpcs[0].vswitches[0].havips[0].associate = ["web1", "web1"]
            return (d, "InvalidAssociation.Duplicated", "vpcs[0].vswitches[0].havips[0].associate[1] (web1): Specified instance already is associated.")
        }
    }

    /// Each bad document is refused with the API's code, located in the document, and nothing is left.
    @Test(arguments: 0..<6)
    func aBadDocumentMakesNothing(index: Int) async throws {
        let h = try Harness()
        let (document, code, message) = Self.bad(index)
        do {
            _ = try await apply(h, document)
            Issue.record("the document was accepted")
        } catch let error as APIError {
            #expect(error.code == code)
            #expect(error.message == message)
        }
        let counts = try await ResetAndSnapshotTests.rowCounts(h)
        #expect(counts.values.allSatisfy { $0 == 0 }, "\(counts)")
    }

    @Test func failoverMovesTheMasterToAnAssociatedRunningInstanceOrENI() async throws {
        let w = try await World.make(instances: 3, enis: 1)
        let haVip = try await w.availableHaVip()
        try await w.associateSettled(haVip.id, w.i[0])
        try await w.associateSettled(haVip.id, w.i[1])
        func failover(_ target: String, account: AccountID? = nil) async throws -> HaVip {
            try await w.h.write { tx, context in
                try HaVipOperations.failover(tx, account: account, haVipId: haVip.id, to: target, now: context.now)
            }
        }
        #expect(try await failover(w.i[1]).masterInstanceId == w.i[1])
        #expect(try await w.master(haVip.id) == w.i[1])
        // It stays there: the election keeps a running master.
        try await w.h.stop(w.i[0])
        #expect(try await w.master(haVip.id) == w.i[1])
        await #expect(throws: APIError.failoverTargetNotRunning) { try await failover(w.i[0]) }
        await #expect(throws: APIError.haVipNotAssociated) { try await failover(w.i[2]) }
        await #expect(throws: APIError.haVipNotFound) { try await failover(w.i[1], account: Fixture.otherAccount) }
        await #expect(throws: APIError.haVipNotFound) {
            try await w.h.write { tx, context in try HaVipOperations.failover(tx, account: nil, haVipId: "havip-nope", to: w.i[1], now: context.now) }
        }

        let onEni = try await w.availableHaVip()
        try await w.associateSettled(onEni.id, w.enis[0].id, type: .networkInterface)
        let moved = try await w.h.write { tx, context in
            try HaVipOperations.failover(tx, account: Fixture.account, haVipId: onEni.id, to: w.enis[0].id, now: context.now)
        }
        #expect(moved.masterInstanceId == w.enis[0].id)
    }
}
