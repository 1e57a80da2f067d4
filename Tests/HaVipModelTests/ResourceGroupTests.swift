import HaVipModel
import Testing

/// Resource group IDs are checked: the account's default group and its stored groups are accepted; an
/// unknown group, or another account's (stored or default), is `InvalidResourceGroupId` and changes nothing.
@Suite struct ResourceGroupTests {
    static let unknown = "rg-doesnotexist000"

    @Test func moveResourceGroupTakesTheAccountsOwnGroupsOnly() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        let mine = try await h.write { tx, context in try ResourceGroupOperations.create(tx, context, id: "rg-mine0001", name: "mine") }
        let theirs = try await h.write(account: Fixture.otherAccount) { tx, context in
            try ResourceGroupOperations.create(tx, context, id: "rg-theirs0001", name: "theirs")
        }
        let theirDefault = ResourceGroup.defaultId(for: Fixture.otherAccount)
        for refused in [Self.unknown, theirs.id, theirDefault, "not-a-group"] {
            await #expect(throws: APIError.resourceGroupIdInvalid, "\(refused)") {
                try await h.write { tx, context in
                    try TagOperations.moveResourceGroup(tx, context, resourceType: .vpc, resourceId: vpc.id, newResourceGroupId: refused)
                }
            }
        }
        #expect(try await h.read { tx, _ in try tx.fetch(Vpc.self, vpc.id, account: Fixture.account)?.resourceGroupId } == vpc.resourceGroupId)
        for accepted in [mine.id, ResourceGroup.defaultId(for: Fixture.account)] {
            try await h.write { tx, context in
                try TagOperations.moveResourceGroup(tx, context, resourceType: .vpc, resourceId: vpc.id, newResourceGroupId: accepted)
            }
            #expect(try await h.read { tx, _ in try tx.fetch(Vpc.self, vpc.id, account: Fixture.account)?.resourceGroupId } == accepted)
        }
    }

    @Test func creatingInAnUnknownGroupIsRefusedAndMakesNothing() async throws {
        let h = try Harness()
        let vpc = try await h.createVpc()
        let vSwitch = try await h.createVSwitch(vpc, "192.168.1.0/24")
        await #expect(throws: APIError.resourceGroupIdInvalid) {
            try await h.write { tx, context in
                try HaVipOperations.create(tx, context, HaVipOperations.CreateRequest(vSwitchId: vSwitch.id, resourceGroupId: Self.unknown))
            }
        }
        await #expect(throws: APIError.resourceGroupIdInvalid) {
            try await h.write { tx, context in
                try NetworkOperations.createVpc(tx, context, cidrBlock: "10.0.0.0/8", name: nil, description: nil, resourceGroupId: Self.unknown, tags: [])
            }
        }
        #expect(try await h.read { tx, context in try tx.count(Query(HaVip.self, account: context.account, [])) } == 0)
        #expect(try await h.read { tx, context in try tx.count(Query(Vpc.self, account: context.account, [])) } == 1)
    }

    @Test func aGroupIdIsTakenOncePerAccountAndNeverTheDefault() async throws {
        let h = try Harness()
        let made = try await h.write { tx, context in try ResourceGroupOperations.create(tx, context, id: nil, name: "generated") }
        #expect(ResourceGroup.isValid(made.id))
        for taken in [made.id, ResourceGroup.defaultId(for: Fixture.account), "RG-upper"] {
            await #expect(throws: APIError.resourceGroupIdInvalid, "\(taken)") {
                try await h.write { tx, context in try ResourceGroupOperations.create(tx, context, id: taken, name: "again") }
            }
        }
        // Another account may use the same ID for a group of its own.
        try await h.write(account: Fixture.otherAccount) { tx, context in _ = try ResourceGroupOperations.create(tx, context, id: made.id, name: "x") }
    }
}
