import Foundation
import HTTPTypes
import HaVipModel
import HaVipSQLite
@testable import HaVipServer
import Hummingbird
import HummingbirdTesting
import Logging
import RPCWire
import Synchronization
import Testing

/// The request log, `GET /metrics`, the console's files and the state it reads.
@Suite struct ObservabilityTests {
    // ------------------------------------------------------------------------------------ the request log

    @Test func everyRequestLogsOneLineAtInfoWithoutSecrets() async throws {
        let log = CapturedLog()
        var logger = log.logger()
        logger.logLevel = .info
        let server = TestServer()
        try await server.run(logger: logger) { client in
            let api = ControlCaller(server: server, client: client)
            _ = try await api.call("CreateVpc", [("RegionId", "cn-hangzhou"), ("CidrBlock", "10.0.0.0/16"), ("Password", "hunter2-pass")])
            try await api.rpc("DescribeHaVips", [("RegionId", "xx-nowhere-1")]).expectError(404, "InvalidRegionId.NotFound")
            try await api.rpc("DescribeRegions", key: AccessKey(id: "testid", secret: "wrong-secret")).expectError(400, "SignatureDoesNotMatch")
            let query: [(name: String, value: String)] = [("RegionId", "cn-beijing"), ("SecurityToken", "sts-token-value")]
            let v3 = try await client.execute(uri: "/?" + TestServer.encode(query), method: .post, headers: server.v3Headers("DescribeZones", query: query))
            #expect(v3.status == .ok)
            // Control requests are not RPC requests: the request log does not list them.
            _ = try await api.json(.get, "requests")
        }
        let lines = log.all.filter { $0.metadata["requestId"] != nil }
        #expect(lines.count == 4)
        #expect(lines.allSatisfy { $0.level == .info })
        #expect(lines.map(\.message) == ["CreateVpc 200", "DescribeHaVips 404 InvalidRegionId.NotFound", "DescribeRegions 400 SignatureDoesNotMatch", "DescribeZones 200"])
        let created = try #require(lines.first?.metadata)
        #expect(Set(created.keys) == ["action", "product", "account", "region", "status", "code", "durationMs", "requestId"])
        #expect(created["action"] == "CreateVpc" && created["product"] == "Vpc" && created["account"] == "1111111111111111")
        #expect(created["region"] == "cn-hangzhou" && created["status"] == "200" && created["code"] == "-")
        #expect(created["requestId"]?.count == 36 && Double(created["durationMs"] ?? "") != nil)
        #expect(lines[2].metadata["account"] == "-" && lines[2].metadata["code"] == "SignatureDoesNotMatch")
        let everything = log.all.map { "\($0.message) \($0.metadata)" }.joined(separator: "\n")
        for secret in ["testsecret", "wrong-secret", "hunter2-pass", "sts-token-value", "Signature=", "nonce-", "ACS3-HMAC-SHA256"] {
            #expect(!everything.contains(secret), "\(secret) in the log")
        }
    }

    @Test func warningSilencesTheRequestLog() async throws {
        let log = CapturedLog()
        var logger = log.logger()
        logger.logLevel = .warning
        let server = TestServer()
        try await server.run(logger: logger) { client in
            _ = try await ControlCaller(server: server, client: client).call("DescribeRegions")
        }
        #expect(log.all.isEmpty)
    }

    @Test func theJSONFormatWritesOneObjectPerLine() throws {
        let lines = LinesWritten()
        var logger = Logger(label: "havip") { label in JSONLogHandler(label: label) { lines.append($0) } }
        logger.logLevel = .info
        logger.info("DescribeHaVips 200", metadata: ["action": "DescribeHaVips", "status": .stringConvertible(200), "durationMs": .stringConvertible(1.25)])
        logger.debug("not at info")
        let written = lines.all
        #expect(written.count == 1 && written[0].hasSuffix("}\n") && written[0].filter { $0 == "\n" }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["message"] as? String == "DescribeHaVips 200" && object["level"] as? String == "info" && object["label"] as? String == "havip")
        #expect(object["action"] as? String == "DescribeHaVips" && object["status"] as? Int == 200 && object["durationMs"] as? Double == 1.25)
        #expect((object["time"] as? String)?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/) != nil)
    }

    // ------------------------------------------------------------------------------------ metrics

    @Test func metricsCountRequestsFaultsStoreAndHaVipsWithoutAToken() async throws {
        let server = TestServer()
        try await server.control { api in
            _ = try await api.world()
            _ = try await api.call("DescribeHaVips", [("RegionId", "cn-hangzhou")])
            _ = try await api.call("DescribeHaVips", [("RegionId", "cn-hangzhou")])
            try await api.rpc("DescribeHaVips", [("RegionId", "xx-nowhere-1")]).expectError(404, "InvalidRegionId.NotFound")
            _ = try await api.json(.post, "faults", #"{"action": "DescribeVpcs", "error": {"code": "Throttling.User"}}"#, status: .created)
            try await api.rpc("DescribeVpcs", [("RegionId", "cn-hangzhou")]).expectError(400, "Throttling.User")

            let response = try await api.client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
            let samples = Self.samples(response.text)
            #expect(samples[#"havip_requests_total{action="DescribeHaVips",status="200",code=""}"#] == 2)
            #expect(samples[#"havip_requests_total{action="DescribeHaVips",status="404",code="InvalidRegionId.NotFound"}"#] == 1)
            #expect(samples[#"havip_requests_total{action="DescribeVpcs",status="400",code="Throttling.User"}"#] == 1)
            #expect(samples[#"havip_request_duration_seconds_count{action="DescribeHaVips"}"#] == 3)
            #expect(samples[#"havip_request_duration_seconds_bucket{action="DescribeHaVips",le="+Inf"}"#] == 3)
            #expect(samples[#"havip_faults_fired_total{action="DescribeVpcs",code="Throttling.User"}"#] == 1)
            #expect(samples[#"havip_havips{status="InUse"}"#] == 1 && samples[#"havip_havips{status="Available"}"#] == 0)
            #expect(samples["havip_store_up"] == 1)
            #expect((samples[#"havip_store_transaction_duration_seconds_count{kind="read"}"#] ?? 0) >= 3)
            #expect((samples[#"havip_store_transaction_duration_seconds_count{kind="write"}"#] ?? 0) >= 1)
            #expect(samples[#"havip_store_transaction_retries_total{kind="write"}"#] == 0)
            #expect((samples["havip_nonce_cache_entries"] ?? 0) >= 4)
            #expect(response.text.contains("# TYPE havip_request_duration_seconds histogram"))
            #expect(!response.text.contains("testsecret") && !response.text.contains(AdminToken.development))
        }
    }

    @Test func withoutMetricsNothingIsMeasuredAndMetricsIsNotARoute() async throws {
        let server = TestServer()
        try await server.control(metrics: false) { api in
            _ = try await api.call("DescribeHaVips", [("RegionId", "cn-hangzhou")])
            let response = try await api.client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .notFound)
            #expect(try await api.control(.get, "health", token: nil).status == .ok)
        }
    }

    @Test func aRetriedTransactionIsCounted() async throws {
        let metrics = ServerMetrics()
        let store = MeteredStore(store: ConflictingOnce(store: try SQLiteStore.inMemory()), metrics: metrics)
        let value = try await store.write { _ in 7 }
        #expect(value == 7)
        let samples = Self.samples(String(decoding: metrics.render(haVipsByStatus: [:], nonceCacheEntries: nil), as: UTF8.self))
        #expect(samples[#"havip_store_transaction_retries_total{kind="write"}"#] == 1)
        #expect(samples[#"havip_store_transaction_duration_seconds_count{kind="write"}"#] == 1)
        #expect(samples["havip_nonce_cache_entries"] == nil && samples["havip_store_up"] == 1)
    }

    @Test func metricsAreServedWhileTheStoreIsDown() async throws {
        let server = TestServer()
        try await server.control(store: FailingStore(error: StoreError.unavailable("down"))) { api in
            let response = try await api.client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            let samples = Self.samples(response.text)
            #expect(samples["havip_store_up"] == 0 && samples[#"havip_havips{status="InUse"}"#] == nil)
        }
    }

    /// `name{labels} value` lines, by everything before the value.
    static func samples(_ text: String) -> [String: Double] {
        var samples: [String: Double] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " "), let value = Double(line[line.index(after: space)...]) else { continue }
            samples[String(line[..<space])] = value
        }
        return samples
    }

    // ------------------------------------------------------------------------------------ the console

    @Test func theConsoleIsServedFromTheBinaryWithoutAToken() async throws {
        let server = TestServer()
        try await server.control { api in
            for path in ["/_havip/console/", "/_havip/console", "/_havip/console/index.html"] {
                let page = try await api.client.execute(uri: path, method: .get)
                #expect(page.status == .ok && page.headers[.contentType] == "text/html; charset=utf-8", "\(path)")
                #expect(page.text.contains(#"<script src="/_havip/console/console.js""#))
                #expect(page.headers[HTTPField.Name("Content-Security-Policy")!]?.hasPrefix("default-src 'self'") == true)
            }
            let script = try await api.client.execute(uri: "/_havip/console/console.js", method: .get)
            #expect(script.status == .ok && script.headers[.contentType] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("sessionStorage") && !script.text.contains("http://") && !script.text.contains("https://"))
            let style = try await api.client.execute(uri: "/_havip/console/console.css", method: .get)
            #expect(style.status == .ok && style.headers[.contentType] == "text/css; charset=utf-8")
            try await api.refused(.get, "console/secrets.txt", status: 404, code: "NotFound", token: nil)
        }
    }

    @Test func theStateShowsARegionAndPagesItsHaVips() async throws {
        let server = TestServer()
        try await server.control { api in
            let world = try await api.world()
            let vSwitchId = try #require(world["vswitches"]?["a"])
            let web1 = try #require(world["instances"]?["web1"])
            let web2 = try #require(world["instances"]?["web2"])
            for index in 0..<25 {
                _ = try await api.call("CreateHaVip", [("RegionId", "cn-hangzhou"), ("VSwitchId", vSwitchId), ("Name", "extra-\(index)")])
            }
            let overview = try await api.json(.get, "overview")
            #expect(overview["accounts"] as? [String] == ["1111111111111111", "2222222222222222"])
            #expect((overview["regions"] as? [[String: Any]])?.contains { $0["regionId"] as? String == "cn-hangzhou" } == true)

            let state = try await api.json(.get, "state?account=1111111111111111&region=cn-hangzhou&pageSize=10")
            let vpcs = try #require((state["vpcs"] as? [String: Any])?["items"] as? [[String: Any]])
            let vSwitches = try #require(vpcs.first?["vSwitches"] as? [[String: Any]])
            #expect(vpcs.count == 1 && vpcs[0]["cidrBlock"] as? String == "10.0.0.0/16")
            #expect(vSwitches.count == 1 && vSwitches[0]["vSwitchId"] as? String == vSwitchId && vSwitches[0]["cidrBlock"] as? String == "10.0.1.0/24")
            // 252 usable addresses of a /24, less two instances and 26 HaVips.
            #expect(vSwitches[0]["availableIpAddressCount"] as? Int == 252 - 2 - 26)
            let instances = try #require(state["instances"] as? [String: Any])
            #expect(instances["total"] as? Int == 2)
            let haVips = try #require(state["haVips"] as? [String: Any])
            #expect(haVips["total"] as? Int == 26 && haVips["page"] as? Int == 1 && haVips["pageSize"] as? Int == 10)
            let first = try #require((haVips["items"] as? [[String: Any]])?.first)
            #expect(first["masterInstanceId"] as? String == web1 && first["associatedInstances"] as? [String] == [web1, web2])
            #expect((first["eipAddresses"] as? [String])?.count == 1 && first["status"] as? String == "InUse")

            let last = try await api.json(.get, "state?account=1111111111111111&region=cn-hangzhou&vSwitchId=\(vSwitchId)&page=3&pageSize=10")
            #expect(((last["haVips"] as? [String: Any])?["items"] as? [[String: Any]])?.count == 6)
            let elsewhere = try await api.json(.get, "state?account=1111111111111111&region=cn-hangzhou&vSwitchId=vsw-none")
            #expect((elsewhere["haVips"] as? [String: Any])?["total"] as? Int == 0)

            try await api.refused(.get, "state?region=cn-hangzhou", status: 400, code: "InvalidBody")
            try await api.refused(.get, "state?account=1111111111111111&region=xx-nowhere-1", status: 400, code: "InvalidBody")
            try await api.refused(.get, "state?account=1111111111111111&region=cn-hangzhou&pageSize=101", status: 400, code: "InvalidBody")
            try await api.refused(.get, "state?account=1111111111111111&region=cn-hangzhou&vswitch=x", status: 400, code: "InvalidBody")
            try await api.refused(.get, "state?account=1111111111111111&region=cn-hangzhou", status: 401, code: "Unauthorized", token: nil)
        }
    }

    @Test func theJournalFiltersByStatus() async throws {
        let server = TestServer()
        try await server.control { api in
            _ = try await api.call("DescribeRegions")
            try await api.rpc("DescribeHaVips", [("RegionId", "xx-nowhere-1")]).expectError(404, "InvalidRegionId.NotFound")
            let failed = try await api.json(.get, "requests?status=4xx")["requests"] as? [[String: Any]]
            #expect(failed?.map { $0["action"] as? String } == ["DescribeHaVips"])
            let succeeded = try await api.json(.get, "requests?status=200")["requests"] as? [[String: Any]]
            #expect(succeeded?.map { $0["action"] as? String } == ["DescribeRegions"])
            try await api.refused(.get, "requests?status=4x", status: 400, code: "InvalidBody")
        }
    }
}

/// What a ``JSONLogHandler`` wrote.
final class LinesWritten: Sendable {
    private let lines = Mutex<[String]>([])
    var all: [String] { lines.withLock { $0 } }
    func append(_ line: String) { lines.withLock { $0.append(line) } }
}

/// A store whose first write loses a race once: the store runs the body again (``StoreRetry``).
struct ConflictingOnce: HaVipStore {
    let store: any HaVipStore
    private let conflicted = Flag()

    init(store: any HaVipStore) {
        self.store = store
    }

    var kind: String { store.kind }

    func write<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T {
        try await store.write { [conflicted] tx in
            let result = try body(tx)
            if conflicted.raise() { throw StoreError.conflict("lost a race on purpose") }
            return result
        }
    }

    func read<T: Sendable>(_ body: @escaping @Sendable (any StoreTransaction) throws -> T) async throws -> T { try await store.read(body) }

    func claimNonces(_ claims: [NonceClaim], now: Int64) async throws -> [Bool] { try await store.claimNonces(claims, now: now) }

    func forgetNonces(expiredBy now: Int64) async throws -> Int { try await store.forgetNonces(expiredBy: now) }

    func checkReady() async throws { try await store.checkReady() }

    func appliedMigrations() async throws -> [String] { try await store.appliedMigrations() }

    func close() async throws { try await store.close() }

    final class Flag: Sendable {
        private let raised = Atomic(false)
        /// True the first time only.
        func raise() -> Bool { !raised.exchange(true, ordering: .relaxed) }
    }
}
