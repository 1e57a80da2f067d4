import Foundation
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Testing

/// Nonces held by the store (refused after a restart and on another node sharing the store), their length
/// bound, and `--rate-limit`.
@Suite struct ReplayProtectionTests {
    static func configuration(_ server: TestServer, store: any HaVipStore, rateLimit: Int? = nil) -> ServerConfiguration {
        ServerConfiguration(
            store: store, keys: KeyRing(keys: [TestServer.key, TestServer.otherKey], mode: .strict), clock: server.clock,
            ids: SequentialIDGenerator(), rateLimit: rateLimit)
    }

    static func temporaryFile() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("havip-replay-\(UUID().uuidString).sqlite").path
    }

    @Test func aNonceUsedBeforeARestartIsRefusedAfterIt() async throws {
        let server = TestServer()
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        let query = server.v1Query("CreateVpc", [("RegionId", "cn-hangzhou")])
        for (run, expected) in [(1, 200), (2, 400)] {
            let store = try SQLiteStore(path: path)
            try await HaVipServer.makeApplication(Self.configuration(server, store: store)).test(.router) { client in
                try await client.execute(uri: "/?" + query, method: .get) { response in
                    if expected == 200 {
                        #expect(response.status == .ok, "run \(run): \(response.text)")
                    } else {
                        try response.expectError(400, "SignatureNonceUsed")
                    }
                }
            }
            try await store.close()
        }
        let store = try SQLiteStore(path: path)
        #expect(try await store.read { tx in try tx.count(Query(Vpc.self, account: TestServer.key.account, [])) } == 1)
        try await store.close()
    }

    static func remove(_ path: String) {
        for file in [path, path + "-wal", path + "-shm", path + "-nonces", path + "-nonces-wal"] {
            try? FileManager.default.removeItem(atPath: file)
        }
    }

    /// A SQLite store's nonce ledger is a file of its own that one process (one store) holds at a time: a
    /// second store on the file cannot claim (a second `havip serve` refuses to start), and once the first
    /// is closed the second takes the ledger over, with the nonces the first granted.
    @Test func oneStoreAtATimeHoldsASQLiteFilesNonceLedger() async throws {
        let path = Self.temporaryFile()
        defer { Self.remove(path) }
        let claim = NonceClaim(digest: NonceDigest(high: 7, low: 7), expiresAt: 2_000)
        let first = try SQLiteStore(path: path)
        // The second with `full` sync: its ledger commits on the connection's queue rather than the caller's thread.
        let second = try SQLiteStore(path: path, durability: .full)
        #expect(try await first.claimNonces([claim], now: 1_000) == [true])
        let refusal = #expect(throws: (any Error).self) { try second.openNonceLedger() }
        #expect(refusal.map { "\($0)" }?.contains("another process holds \(path)-nonces") == true)
        await #expect(throws: (any Error).self) { try await second.claimNonces([claim], now: 1_000) }
        try await first.close()
        #expect(try await second.claimNonces([claim], now: 1_000) == [false])
        #expect(try await second.claimNonces([claim], now: 2_000) == [true])
        try await second.close()
    }

    @Test func aNonceUsedThroughOneNodeIsRefusedByAnotherOnTheSameStore() async throws {
        let server = TestServer()
        let store = try SQLiteStore.inMemory()
        let query = server.v1Query("DescribeRegions")
        try await HaVipServer.makeApplication(Self.configuration(server, store: store)).test(.router) { first in
            try await HaVipServer.makeApplication(Self.configuration(server, store: store)).test(.router) { second in
                try await first.execute(uri: "/?" + query, method: .get) { #expect($0.status == .ok) }
                try await second.execute(uri: "/?" + query, method: .get) { try $0.expectError(400, "SignatureNonceUsed") }
                try await first.execute(uri: "/?" + query, method: .get) { try $0.expectError(400, "SignatureNonceUsed") }
            }
        }
    }

    @Test func concurrentRequestsWithOneNonceAreAcceptedOnce() async throws {
        let server = TestServer()
        let query = server.v1Query("DescribeRegions")
        try await HaVipServer.makeApplication(Self.configuration(server, store: try SQLiteStore.inMemory())).test(.router) { client in
            let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<20 { group.addTask { try await client.execute(uri: "/?" + query, method: .get) { $0.status.code } } }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == 200 }.count == 1)
            #expect(statuses.filter { $0 == 400 }.count == 19)
        }
    }

    @Test func aNonceOverSixtyFourBytesIsAnInvalidParameter() async throws {
        let server = TestServer()
        try await server.run { client in
            let longest = server.nonce().padding(toLength: 64, withPad: "n", startingAt: 0)
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: longest), method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", nonce: longest + "n"), method: .get) { response in
                try response.expectError(400, "InvalidParameter")
                #expect(try response.json["Message"] as? String == #"The specified parameter "SignatureNonce" is not valid."#)
            }
            let query = [(name: "RegionId", value: "cn-hangzhou")]
            let headers = server.v3Headers("DescribeRegions", query: query, nonce: String(repeating: "v", count: 65))
            try await client.execute(uri: "/?RegionId=cn-hangzhou", method: .post, headers: headers) { response in
                try response.expectError(400, "InvalidParameter")
                #expect(try response.json["Message"] as? String == #"The specified parameter "x-acs-signature-nonce" is not valid."#)
            }
        }
    }

    @Test func aKeyOverItsRateIsThrottledUntilItsBucketRefills() async throws {
        let server = TestServer()
        try await HaVipServer.makeApplication(Self.configuration(server, store: try SQLiteStore.inMemory(), rateLimit: 3)).test(.router) {
            client in
            for _ in 0..<3 {
                try await client.execute(uri: "/?" + server.v1Query("DescribeRegions"), method: .get) { #expect($0.status == .ok) }
            }
            let throttled = server.v1Query("DescribeRegions")
            try await client.execute(uri: "/?" + throttled, method: .get) { response in
                try response.expectError(400, "Throttling.User")
                #expect(try response.json["Message"] as? String == "Request was denied due to user flow control.")
            }
            // Another key has a bucket of its own.
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions", key: TestServer.otherKey), method: .get) {
                #expect($0.status == .ok)
            }
            // A third of a second refills one token; a throttled request did not use its nonce up.
            server.clock.advance(by: 0.34)
            try await client.execute(uri: "/?" + throttled, method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/?" + server.v1Query("DescribeRegions"), method: .get) { try $0.expectError(400, "Throttling.User") }
        }
    }
}
