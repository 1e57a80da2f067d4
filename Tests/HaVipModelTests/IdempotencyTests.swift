@testable import HaVipModel
import Testing

/// What the tests' CreateHaVip answers: the HaVip's ID and address, remembered as `ID ADDRESS`.
struct CreatedHaVip: IdempotentResult, Equatable {
    let id: String
    let ipAddress: String

    init(id: String, ipAddress: String) {
        self.id = id
        self.ipAddress = ipAddress
    }

    func idempotencyPayload() -> IdempotencyPayload { IdempotencyPayload("\(id) \(ipAddress)") }

    init(idempotencyPayload payload: IdempotencyPayload) throws {
        let parts = payload.text.split(separator: " ").map(String.init)
        guard parts.count == 2 else { throw StoreError.corruptRow(payload.text) }
        self.init(id: parts[0], ipAddress: parts[1])
    }
}

/// ClientToken handling through `Idempotency.run`, with the HaVip creation as the body.
@Suite struct IdempotencyTests {
    /// Runs CreateHaVip under `Idempotency.run`; returns the response and whether the body ran.
    static func create(
        _ w: World, token: String?, fingerprint: String = "fp-1", action: String = "CreateHaVip", account: AccountID = Fixture.account,
        vSwitch: VSwitch? = nil
    ) async throws -> (response: CreatedHaVip, ran: Bool) {
        let vSwitchId = (vSwitch ?? w.vSwitch).id
        return try await w.h.write(account: account) { tx, context in
            var ran = false
            let response = try Idempotency.run(tx, context, action: action, clientToken: token, fingerprint: fingerprint) {
                ran = true
                let haVip = try HaVipOperations.create(tx, context, HaVipOperations.CreateRequest(vSwitchId: vSwitchId))
                return CreatedHaVip(id: haVip.id, ipAddress: haVip.ipAddress)
            }
            return (response, ran)
        }
    }

    static func haVipCount(_ w: World, account: AccountID = Fixture.account) async throws -> Int {
        try await w.h.describe(account: account).total
    }

    @Test func theSameTokenAndParametersReturnTheFirstResponseWithoutRunningAgain() async throws {
        let w = try await World.make()
        let first = try await Self.create(w, token: "token-1")
        #expect(first.ran)
        w.h.clock.advance(by: 60)
        let again = try await Self.create(w, token: "token-1")
        #expect(!again.ran)
        #expect(again.response == first.response)
        #expect(try await Self.haVipCount(w) == 1)
    }

    @Test func theSameTokenWithOtherParametersIsAMismatch() async throws {
        let w = try await World.make()
        _ = try await Self.create(w, token: "token-1")
        await #expect(throws: APIError.idempotentParameterMismatch) { try await Self.create(w, token: "token-1", fingerprint: "fp-2") }
        #expect(try await Self.haVipCount(w) == 1)
    }

    @Test func tokensArePerAccount() async throws {
        let w = try await World.make()
        let strangerVpc = try await w.h.createVpc(account: Fixture.otherAccount)
        let strangerVSwitch = try await w.h.createVSwitch(strangerVpc, "192.168.1.0/24", account: Fixture.otherAccount)
        let mine = try await Self.create(w, token: "shared-token")
        let theirs = try await Self.create(w, token: "shared-token", fingerprint: "other", account: Fixture.otherAccount, vSwitch: strangerVSwitch)
        #expect(mine.ran && theirs.ran)
        #expect(mine.response != theirs.response)
        #expect(try await Self.haVipCount(w, account: Fixture.otherAccount) == 1)
        // Each account's retry returns its own first response.
        #expect(try await Self.create(w, token: "shared-token").response == mine.response)
        #expect(
            try await Self.create(w, token: "shared-token", fingerprint: "other", account: Fixture.otherAccount, vSwitch: strangerVSwitch).response
                == theirs.response)
    }

    @Test func tokensArePerAction() async throws {
        let w = try await World.make()
        let create = try await Self.create(w, token: "t")
        let other = try await Self.create(w, token: "t", fingerprint: "different", action: "AllocateEipAddress")
        #expect(create.ran && other.ran)
        #expect(try await Self.haVipCount(w) == 2)
    }

    @Test func withoutATokenEveryCallRuns() async throws {
        let w = try await World.make()
        let first = try await Self.create(w, token: nil)
        let second = try await Self.create(w, token: nil)
        #expect(first.ran && second.ran && first.response != second.response)
        #expect(try await Self.haVipCount(w) == 2)
    }

    /// A failed call leaves no trace of its token: the transaction rolls back, a retry runs for real.
    @Test func aFailedCallDoesNotConsumeItsToken() async throws {
        let w = try await World.make()
        let missing = VSwitch(
            id: "vsw-missing", account: Fixture.account, regionId: Fixture.region, vpcId: w.vpc.id, zoneId: Fixture.zone,
            cidrBlock: "192.168.9.0/24", name: "", description: "", status: .available, resourceGroupId: "rg-x", createdAt: 0)
        await #expect(throws: APIError.haVipVSwitchNotFound) { try await Self.create(w, token: "retry-me", vSwitch: missing) }
        let retry = try await Self.create(w, token: "retry-me")
        #expect(retry.ran)
    }
}
