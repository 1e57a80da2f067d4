import HaVipModel
import HaVipSQLite
import Testing

@Suite struct IPAllocatorTests {
    /// A harness with one vSwitch of `cidr` in a VPC that holds it.
    static func vSwitch(_ cidr: String, vpc vpcCidr: String = "192.168.0.0/16") async throws -> (Harness, VSwitch) {
        let h = try Harness()
        let vpc = try await h.createVpc(vpcCidr)
        return (h, try await h.createVSwitch(vpc, cidr))
    }

    static func allocate(_ h: Harness, _ vSwitch: VSwitch, _ requested: String? = nil, owner: String = "owner") async throws -> String {
        try await h.write { tx, _ in try IPAllocator.allocate(tx, vSwitch: vSwitch, requested: requested, ownerId: owner).description }
    }

    static func release(_ h: Harness, _ vSwitch: VSwitch, _ address: String) async throws {
        try await h.write { tx, _ in try IPAllocator.release(tx, vSwitch: vSwitch, address: address) }
    }

    @Test func aNewVSwitchIsOneFreeRunOfItsUsableAddresses() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.252"])
        #expect(try await h.usedAddresses(vsw) == 0)
    }

    @Test func automaticAllocationHandsOutTheLowestFreeAddress() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.1")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.2")
        #expect(try await Self.allocate(h, vsw, "192.168.1.3") == "192.168.1.3")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.4")
        try await Self.release(h, vsw, "192.168.1.2")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.2")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.5")
        #expect(try await h.usedAddresses(vsw) == 5)
    }

    @Test func explicitAllocationSplitsTheRunThatHoldsIt() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        #expect(try await Self.allocate(h, vsw, "192.168.1.100") == "192.168.1.100")
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.99", "192.168.1.101-192.168.1.252"])
        // At the edges of runs nothing is split off.
        _ = try await Self.allocate(h, vsw, "192.168.1.1")
        _ = try await Self.allocate(h, vsw, "192.168.1.252")
        _ = try await Self.allocate(h, vsw, "192.168.1.99")
        #expect(try await h.freeRuns(vsw) == ["192.168.1.2-192.168.1.98", "192.168.1.101-192.168.1.251"])
        // The automatic allocation still takes the lowest.
        #expect(try await Self.allocate(h, vsw) == "192.168.1.2")
    }

    @Test func releaseMergesNeighbouringRuns() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        let a = try await Self.allocate(h, vsw)
        let b = try await Self.allocate(h, vsw)
        let c = try await Self.allocate(h, vsw)
        #expect([a, b, c] == ["192.168.1.1", "192.168.1.2", "192.168.1.3"])
        #expect(try await h.freeRuns(vsw) == ["192.168.1.4-192.168.1.252"])

        try await Self.release(h, vsw, b)
        #expect(try await h.freeRuns(vsw) == ["192.168.1.2-192.168.1.2", "192.168.1.4-192.168.1.252"])
        try await Self.release(h, vsw, a)
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.2", "192.168.1.4-192.168.1.252"])
        try await Self.release(h, vsw, c)
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.252"])
        #expect(try await h.usedAddresses(vsw) == 0)
    }

    @Test func releasingAnAddressNotInUseChangesNothing() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        _ = try await Self.allocate(h, vsw)
        try await Self.release(h, vsw, "192.168.1.50")  // free already
        try await Self.release(h, vsw, "192.168.1.253")  // reserved
        try await Self.release(h, vsw, "not an address")
        #expect(try await h.freeRuns(vsw) == ["192.168.1.2-192.168.1.252"])
        try await Self.release(h, vsw, "192.168.1.1")
        try await Self.release(h, vsw, "192.168.1.1")  // twice: no duplicate run
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.252"])
    }

    @Test(arguments: [
        ("192.168.1.01", AddressProblem.malformed), ("192.168.1", .malformed), ("192.168.1.256", .malformed), ("host", .malformed),
        ("192.168.2.5", .outOfRange), ("10.0.0.1", .outOfRange),
        ("192.168.1.0", .reserved), ("192.168.1.253", .reserved), ("192.168.1.254", .reserved), ("192.168.1.255", .reserved),
    ])
    func explicitAddressesAreChecked(requested: String, problem: AddressProblem) async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        await #expect(throws: problem) { try await Self.allocate(h, vsw, requested) }
        #expect(try await h.freeRuns(vsw) == ["192.168.1.1-192.168.1.252"])
    }

    @Test func anAddressInUseIsAlreadyUsed() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.0/24")
        _ = try await Self.allocate(h, vsw, "192.168.1.7")
        _ = try await Self.allocate(h, vsw)  // .1
        await #expect(throws: AddressProblem.alreadyUsed) { try await Self.allocate(h, vsw, "192.168.1.7") }
        await #expect(throws: AddressProblem.alreadyUsed) { try await Self.allocate(h, vsw, "192.168.1.1") }
        #expect(try await h.usedAddresses(vsw) == 2)
    }

    @Test func addressesArePerVSwitch() async throws {
        let h = try Harness()
        let a = try await h.createVSwitch(try await h.createVpc("192.168.0.0/16"), "192.168.1.0/24")
        let b = try await h.createVSwitch(try await h.createVpc("192.168.0.0/16"), "192.168.1.0/24")
        #expect(try await Self.allocate(h, a, "192.168.1.9") == "192.168.1.9")
        #expect(try await Self.allocate(h, b, "192.168.1.9") == "192.168.1.9")
    }

    @Test func aSlash29HasExactlyFourAddresses() async throws {
        let (h, vsw) = try await Self.vSwitch("192.168.1.8/29")
        var handedOut: [String] = []
        for _ in 0..<4 { handedOut.append(try await Self.allocate(h, vsw)) }
        #expect(handedOut == ["192.168.1.9", "192.168.1.10", "192.168.1.11", "192.168.1.12"])
        await #expect(throws: AddressProblem.exhausted) { try await Self.allocate(h, vsw) }
        #expect(try await h.freeRuns(vsw) == [])
        try await Self.release(h, vsw, "192.168.1.11")
        #expect(try await Self.allocate(h, vsw) == "192.168.1.11")
        await #expect(throws: AddressProblem.exhausted) { try await Self.allocate(h, vsw) }
    }

    /// (SQLite only: 200,000 statements are a few seconds in process, minutes over a socket.)
    /// Fills a /16 (65,532 usable addresses) in one transaction, frees three in the middle, and checks the
    /// next automatic allocations return exactly those: found through the free runs, not by scanning.
    @Test(.enabled(if: !TestStores.onPostgres)) func aNearlyFullSlash16HandsOutExactlyTheFreedAddresses() async throws {
        let (h, vsw) = try await Self.vSwitch("10.1.0.0/16", vpc: "10.0.0.0/8")
        let freed = ["10.1.200.9", "10.1.3.3", "10.1.128.0"]
        let first = try #require(IPv4CIDR("10.1.0.0/16")?.usableRange).lowerBound
        let outcome = try await h.write { tx, _ in
            var outOfOrder = 0
            for index in 0..<65_532 {
                let address = try IPAllocator.allocate(tx, vSwitch: vsw, requested: nil, ownerId: "o")
                if address.value != first + UInt32(index) { outOfOrder += 1 }
            }
            let used = try IPAllocator.usedCount(tx, vSwitch: vsw)
            var exhausted = false
            do { _ = try IPAllocator.allocate(tx, vSwitch: vsw, requested: nil, ownerId: "o") } catch AddressProblem.exhausted { exhausted = true }
            for address in freed { try IPAllocator.release(tx, vSwitch: vsw, address: address) }
            let runs = try tx.count(Query(IPFreeRange.self, account: vsw.account, [.equals(IPFreeRange.column.vSwitchId, vsw.id)]))
            var again: [String] = []
            for _ in freed { again.append(try IPAllocator.allocate(tx, vSwitch: vsw, requested: nil, ownerId: "o").description) }
            var exhaustedAgain = false
            do { _ = try IPAllocator.allocate(tx, vSwitch: vsw, requested: nil, ownerId: "o") } catch AddressProblem.exhausted {
                exhaustedAgain = true
            }
            return (outOfOrder, used, exhausted, runs, again, exhaustedAgain)
        }
        #expect(outcome.0 == 0, "automatic allocation is not lowest-first")
        #expect(outcome.1 == 65_532)
        #expect(outcome.2)
        #expect(outcome.3 == 3, "three isolated free addresses are three runs")
        #expect(outcome.4 == ["10.1.3.3", "10.1.128.0", "10.1.200.9"])
        #expect(outcome.5)
    }
}
