import Foundation
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Synchronization
import Testing

/// What checking faults costs a request, and how a fault added through one node reaches another that shares
/// its store without being told (the poll of the faults' generation: what covers a lost NOTIFY).
@Suite struct FaultPropagationTests {
    /// A store that counts the transactions run through it (not the nonce claims every request makes).
    final class CountingStore: HaVipStore {
        let base: any HaVipStore
        let transactions = Mutex(0)
        init(_ base: any HaVipStore) { self.base = base }
        var kind: String { base.kind }
        func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
            transactions.withLock { $0 += 1 }
            return try await base.write(body)
        }
        func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
            transactions.withLock { $0 += 1 }
            return try await base.read(body)
        }
        func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] { try await base.claimNonces(claims, now: now) }
        func forgetNonces(expiredBy now: Int64) async throws -> Int { try await base.forgetNonces(expiredBy: now) }
        func checkReady() async throws { try await base.checkReady() }
        func appliedMigrations() async throws -> [String] { try await base.appliedMigrations() }
        func close() async throws { try await base.close() }
        var count: Int { transactions.withLock { $0 } }
    }

    static func configuration(_ store: any HaVipStore, poll: Duration) -> ServerConfiguration {
        ServerConfiguration(
            store: store, keys: KeyRing(keys: [TestServer.key, TestServer.otherKey], mode: .strict), clock: TestServer().clock,
            faultPollInterval: poll)
    }

    @Test func checkingFaultsCostsNoStoreRoundTripUnlessACountedFaultIsHit() async throws {
        let store = CountingStore(try SQLiteStore.inMemory())
        let server = TestServer()
        try await HaVipServer.makeApplication(Self.configuration(store, poll: .seconds(3_600))).test(.router) { client in
            let api = ControlCaller(server: server, client: client)
            // DescribeRegions runs no transaction of its own: whatever the store sees comes from the faults.
            let before = store.count
            for _ in 0..<5 { _ = try await api.call("DescribeRegions") }
            #expect(store.count == before)
            _ = try await api.json(.post, "faults", #"{"action": "CreateVpc", "error": {"code": "ServiceUnavailable"}}"#, status: .created)
            _ = try await api.json(.post, "faults", #"{"action": "Describe*", "probability": 0, "count": 5, "error": {"code": "ServiceUnavailable"}}"#, status: .created)
            let withFaults = store.count
            for _ in 0..<5 { _ = try await api.call("DescribeRegions") }
            #expect(store.count == withFaults)
            _ = try await api.json(.post, "faults", #"{"action": "DescribeRegions", "count": 2, "error": {"code": "ServiceUnavailable"}}"#, status: .created)
            let counted = store.count
            for _ in 0..<3 { _ = try await api.rpc("DescribeRegions") }
            // One transaction per hit taken; the last also reloads the copy (a read); the third request pays nothing.
            #expect(store.count == counted + 3)
        }
    }

    @Test func aFaultAddedThroughOneNodeIsInForceOnAnotherWithinThePollInterval() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("havip-faults-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Two nodes on one store: each has its own copy of the faults, kept by its own poll. (Two stores on
        // one SQLite file cannot both serve: the first holds the nonce ledger.)
        let store = try SQLiteStore(path: path)
        let server = TestServer()
        try await HaVipServer.makeApplication(Self.configuration(store, poll: .milliseconds(50))).test(.router) { one in
            try await HaVipServer.makeApplication(Self.configuration(store, poll: .milliseconds(50))).test(.router) { other in
                let here = ControlCaller(server: server, client: one)
                let there = ControlCaller(server: server, client: other)
                #expect(try await there.rpc("DescribeRegions").status == .ok)
                let fault = try await here.json(.post, "faults", #"{"action": "DescribeRegions", "error": {"code": "Throttling.User"}}"#, status: .created)
                try await here.rpc("DescribeRegions").expectError(400, "Throttling.User")  // in force here when the add returns
                let added = ContinuousClock.now
                while try await there.rpc("DescribeRegions").status == .ok {
                    #expect(ContinuousClock.now - added < .seconds(1))
                    try await Task.sleep(for: .milliseconds(10))
                }
                #expect(try await here.control(.delete, "faults/\(fault["id"] as! String)").status == .noContent)
                let deleted = ContinuousClock.now
                while try await there.rpc("DescribeRegions").status != .ok {
                    #expect(ContinuousClock.now - deleted < .seconds(1))
                    try await Task.sleep(for: .milliseconds(10))
                }
            }
        }
    }
}
