import Foundation
@testable import HaVipAPI
@testable import HaVipModel
import HaVipSQLite
import RPCWire
import Testing

/// What a ClientToken remembers of a response: an explicit, versioned payload, and every token stored
/// before it (by Swift's synthesized `Codable` of `RPCResponse`) still answers the same response.
@Suite struct IdempotencyPayloadTests {
    /// Exactly what the synthesized `Codable` stored for CreateHaVip's answer before the payload had a
    /// version (captured from that code's `JSONEncoder().encode(response)`).
    static let storedBeforeVersions =
        #"{"fields":[{"name":"HaVipId","value":{"string":{"_0":"havip-0000000000000000000007"}}},{"name":"IpAddress","value":{"string":{"_0":"192.168.1.4"}}}]}"#

    /// The same encoder on a response with every kind of node (its key order came out shuffled).
    static let everyKindBeforeVersions =
        #"{"fields":[{"value":{"string":{"_0":""}},"name":"OrderId"},{"value":{"integer":{"_0":0}},"name":"TradePrice"},{"value":{"bool":{"_0":true}},"name":"Ok"},{"value":{"list":{"item":"InstanceIdSet","_1":[{"string":{"_0":"i-1"}},{"string":{"_0":"i-2"}}]}},"name":"InstanceIdSets"},{"value":{"object":{"_0":[{"value":{"integer":{"_0":-5}},"name":"A"}]}},"name":"O"}]}"#

    static let everyKind = RPCResponse([
        .init("OrderId", ""), .init("TradePrice", .int(0)), .init("Ok", .bool(true)),
        .init("InstanceIdSets", .strings(item: "InstanceIdSet", ["i-1", "i-2"])), .init("O", .object([.init("A", .int(-5))])),
    ])

    static let created = RPCResponse([.init("HaVipId", .string("havip-0000000000000000000007")), .init("IpAddress", .string("192.168.1.4"))])

    /// A CreateHaVip retry whose token was stored by the old code answers the stored response, without
    /// running again (its vSwitch does not even exist, so running would fail).
    @Test func aTokenStoredBeforeVersionsStillAnswers() async throws {
        let store = try SQLiteStore.inMemory()
        let account = AccountID("1000000000000001")
        let parameters = Parameters([("RegionId", "cn-hangzhou"), ("VSwitchId", "vsw-gone"), ("ClientToken", "token-1")])
        let record = IdempotencyRecord(
            account: account, action: "CreateHaVip", clientToken: "token-1", fingerprint: parameters.fingerprint,
            response: IdempotencyPayload(Self.storedBeforeVersions), createdAt: 1_704_110_400)
        try await store.write { tx in try tx.insert(record) }
        let call = ActionCall(
            action: "CreateHaVip", parameters: parameters, caller: AccessKey(id: "key", secret: "secret", account: account),
            services: ActionServices(store: store, clock: ManualClock(), ids: SequentialIDGenerator()))
        #expect(try await CreateHaVip.run(call) == Self.created)
        // The same token with other parameters is still a mismatch.
        let other = ActionCall(
            action: "CreateHaVip", parameters: Parameters([("RegionId", "cn-hangzhou"), ("VSwitchId", "vsw-other"), ("ClientToken", "token-1")]),
            caller: call.caller, services: call.services)
        await #expect(throws: APIError.idempotentParameterMismatch) { try await CreateHaVip.run(other) }
    }

    @Test func everyKindOfNodeStoredBeforeVersionsReadsBack() throws {
        #expect(try RPCResponse(idempotencyPayload: IdempotencyPayload(Self.everyKindBeforeVersions)) == Self.everyKind)
    }

    /// The payload written now: its exact text (a change to it is a new version), and every kind of node
    /// read back.
    @Test func theCurrentVersionIsExplicitAndRoundTrips() throws {
        #expect(
            try Self.created.idempotencyPayload().text
                == #"{"fields":[{"name":"HaVipId","string":"havip-0000000000000000000007"},{"name":"IpAddress","string":"192.168.1.4"}],"format":"havip.rpc-response","version":2}"#
        )
        let payload = try Self.everyKind.idempotencyPayload()
        #expect(payload.text.contains(#"{"list":"InstanceIdSet","name":"InstanceIdSets","values":[{"string":"i-1"},{"string":"i-2"}]}"#))
        #expect(try RPCResponse(idempotencyPayload: payload) == Self.everyKind)
        let nested = RPCResponse([.init("L", .list(item: "I", [.object([.init("B", .bool(false)), .init("N", .integer(Int64.min))]), .list(item: "J", [])]))])
        #expect(try RPCResponse(idempotencyPayload: nested.idempotencyPayload()) == nested)
    }

    @Test func anUnknownVersionIsRefused() {
        #expect(throws: (any Error).self) {
            try RPCResponse(idempotencyPayload: IdempotencyPayload(#"{"fields":[],"format":"havip.rpc-response","version":3}"#))
        }
        #expect(throws: (any Error).self) { try RPCResponse(idempotencyPayload: IdempotencyPayload(#"{"fields":[{"name":"A","value":{"float":{"_0":1}}}]}"#)) }
    }
}
