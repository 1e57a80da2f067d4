import HaVipModel
import Testing

/// Numbered pages read from ``PageMarks`` (the harness keeps a mark every 3 items) are exactly the pages
/// `OFFSET` gives: they concatenate to the whole listing in order, and rows added or removed between two
/// requests move the pages as `OFFSET` would, on every counted scope (region, VPC, vSwitch).
@Suite struct DeepPageTests {
    static let scopes: [(name: String, filters: @Sendable (World) -> [(key: HaVipQuery.FilterKey, values: [String])])] = [
        ("region", { _ in [] }), ("vpc", { w in [(.vpcId, [w.vpc.id])] }), ("vswitch", { w in [(.vSwitchId, [w.vSwitch.id])] }),
    ]

    /// 31 HaVips in two vSwitches, some sharing a creation time (ordered by ID then).
    static func fleet() async throws -> World {
        let w = try await World.make(instances: 0, enis: 0)
        for index in 0..<31 {
            if index % 4 == 0 { w.h.clock.advance(by: 1) }
            _ = try await w.h.createHaVip(index % 5 == 0 ? w.otherVSwitch : w.vSwitch)
        }
        return w
    }

    /// The page as `OFFSET` reads it (no marks), and as the marks read it, in one snapshot.
    static func bothWays(_ w: World, _ filters: [(key: HaVipQuery.FilterKey, values: [String])], number: Int, size: Int) async throws
        -> (offset: [String], marked: [String], total: Int)
    {
        try await w.h.read { tx, context in
            let query = HaVipQuery(filters: filters, page: PageRequest(number: number, size: size))
            let plain = OperationContext(account: context.account, regionId: context.regionId, now: context.now, ids: context.ids, settings: context.settings)
            let offset = try HaVipOperations.describe(tx, plain, query)
            let marked = try HaVipOperations.describe(tx, context, query)
            #expect(offset.total == marked.total)
            return (offset.items.map(\.haVip.id), marked.items.map(\.haVip.id), marked.total)
        }
    }

    @Test(arguments: [1, 2, 4, 7, 40])
    func pagesConcatenateToTheWholeOrderedListing(size: Int) async throws {
        let w = try await Self.fleet()
        let all = try await w.h.read { tx, context in
            try tx.select(Query(HaVip.self, account: context.account, order: [.ascending(HaVip.column.createdAt), .ascending(HaVip.column.id)]))
        }
        for scope in Self.scopes {
            let expected = all.filter { haVip in
                switch scope.name {
                case "vpc": haVip.vpcId == w.vpc.id
                case "vswitch": haVip.vSwitchId == w.vSwitch.id
                default: true
                }
            }.map(\.id)
            var seen: [String] = []
            // Deepest first, so that later pages find marks learned by earlier requests.
            let pages = (expected.count + size - 1) / size
            for number in stride(from: pages + 1, through: 1, by: -1) {
                let page = try await Self.bothWays(w, scope.filters(w), number: number, size: size)
                #expect(page.marked == page.offset, "\(scope.name) page \(number) of \(size)")
                #expect(page.total == expected.count)
                seen = page.marked + seen
            }
            #expect(seen == expected, "\(scope.name), pages of \(size)")
        }
    }

    @Test func rowsAddedOrRemovedBetweenRequestsMovePagesAsOffsetWould() async throws {
        let w = try await Self.fleet()
        for (index, scope) in Self.scopes.enumerated() {
            let before = try await Self.bothWays(w, scope.filters(w), number: 5, size: 4)
            #expect(before.marked == before.offset && before.marked.count == 4)
            // Remove one row before the page, add one before it (earlier creation time) and one after it.
            let first = try await Self.bothWays(w, scope.filters(w), number: 1, size: 4)
            try await w.h.deleteHaVip(first.marked[1])
            w.h.clock.set(1_000 - Double(index))  // before every other HaVip
            let early = try await w.h.createHaVip(w.vSwitch)
            w.h.clock.set(2_000_000_000 + Double(index))  // after every other HaVip
            _ = try await w.h.createHaVip(w.vSwitch)
            for number in 1...10 {
                let page = try await Self.bothWays(w, scope.filters(w), number: number, size: 4)
                #expect(page.marked == page.offset, "\(scope.name) page \(number) after the changes")
            }
            #expect(try await Self.bothWays(w, scope.filters(w), number: 1, size: 4).marked.first == early.id)
        }
    }

    @Test func restoredSnapshotsAndResetsNeverReuseMarks() async throws {
        let w = try await Self.fleet()
        let capture = try await w.h.read { tx, _ in try SnapshotOperations.capture(tx) }
        try await w.h.write { tx, context in _ = try SnapshotOperations.save(tx, name: "full", capture: capture, now: context.now) }
        _ = try await Self.bothWays(w, [], number: 6, size: 5)
        // Other rows: a reset, then as many HaVips again, which learn marks of their own.
        try await w.h.write(settle: false) { tx, _ in _ = try ResetOperations.reset(tx, scope: .everyAccount) }
        let vpc = try await w.h.createVpc("10.0.0.0/16")
        let vSwitch = try await w.h.createVSwitch(vpc, "10.0.1.0/24")
        for _ in 0..<31 { _ = try await w.h.createHaVip(vSwitch) }
        for number in 1...7 {
            let page = try await Self.bothWays(w, [], number: number, size: 5)
            #expect(page.marked == page.offset, "after the reset, page \(number)")
        }
        try await w.h.write(settle: false) { tx, _ in _ = try SnapshotOperations.restore(tx, name: "full") }
        for number in 1...7 {
            let page = try await Self.bothWays(w, [], number: number, size: 5)
            #expect(page.marked == page.offset, "after the restore, page \(number)")
        }
    }

    /// Writers add and remove HaVips while readers page deep: every page read from marks equals the page
    /// `OFFSET` gives in the same snapshot.
    @Test func pagesStayExactUnderConcurrentWrites() async throws {
        let w = try await Self.fleet()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                for round in 0..<20 {
                    let made = try await w.h.createHaVip(round % 2 == 0 ? w.vSwitch : w.otherVSwitch)
                    if round % 3 == 0 { try await w.h.deleteHaVip(made.id) }
                }
            }
            for reader in 0..<3 {
                group.addTask {
                    for round in 0..<20 {
                        let scope = Self.scopes[(reader + round) % 3]
                        let page = try await Self.bothWays(w, scope.filters(w), number: 2 + (round % 5), size: 3)
                        #expect(page.marked == page.offset, "\(scope.name), round \(round)")
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
