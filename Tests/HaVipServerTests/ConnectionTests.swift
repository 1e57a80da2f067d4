import Foundation
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import Testing

/// The connection level, on a live server and raw sockets on 127.0.0.1: what the HTTP parser refuses is
/// answered with the Alibaba envelope and the connection closed; timeouts and the connection cap hold.
@Suite struct ConnectionTests {
    /// Timeouts short enough for tests (each wait below is bounded by the sockets' 5 s receive timeout).
    static let fast = ConnectionLimits(
        idleTimeout: .milliseconds(500), headerTimeout: .milliseconds(500), bodyTimeout: .milliseconds(500), maxConnections: 64,
        lingerTimeout: .milliseconds(500))

    // MARK: What the parser refuses

    /// A request the parser refuses, and the answer it gets; shown by name (some are a megabyte long).
    struct Refused: Sendable, CustomTestStringConvertible {
        let name: String
        let request: String
        let status: Int
        let code: String

        var testDescription: String { name }

        static let all = [
            Refused(name: "lower-case method", request: "get / HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 400, code: "InvalidParameter.Malformed"),
            Refused(name: "unknown method", request: "FETCH / HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 400, code: "InvalidParameter.Malformed"),
            Refused(name: "HTTP/1.2", request: "GET / HTTP/1.2\r\nHost: localhost\r\n\r\n", status: 400, code: "InvalidParameter.Malformed"),
            Refused(name: "HTTP/0.9", request: "GET /\r\n\r\n", status: 400, code: "InvalidParameter.Malformed"),
            Refused(
                name: "control byte in the target", request: "GET /\u{01}?Action=DescribeRegions HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 400,
                code: "InvalidParameter.Malformed"),
            Refused(
                name: "Content-Length with Transfer-Encoding",
                request: "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n",
                status: 400, code: "InvalidParameter.Malformed"),
            Refused(
                name: "bad chunk size", request: "POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n",
                status: 400, code: "InvalidParameter.Malformed"),
            Refused(
                name: "headers over 80 KB", request: "GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: \(String(repeating: "a", count: 90_000))\r\n\r\n",
                status: 400, code: "InvalidParameter.TooLarge"),
            Refused(
                name: "a 1 MB request line", request: "GET /?Padding=\(String(repeating: "a", count: 1 << 20)) HTTP/1.1\r\nHost: localhost\r\n\r\n",
                status: 400, code: "InvalidParameter.TooLarge"),
            Refused(name: "CONNECT", request: "CONNECT /?Action=DescribeRegions HTTP/1.1\r\nHost: localhost\r\n\r\n", status: 403, code: "UnsupportedHTTPMethod"),
        ]
    }

    @Test(arguments: Refused.all)
    func refusedRequestsGetTheEnvelopeThenTheConnectionCloses(_ refused: Refused) async throws {
        try await Self.live { port in
            let (response, closed) = try await offThePool {
                let connection = try RawConnection(port: port)
                try? connection.send(refused.request)  // a server may close before a huge request is all sent
                let response = try connection.receiveResponse()
                // A request after it on the same connection is never read: the server has closed.
                try? connection.send("GET /?Action=DescribeRegions HTTP/1.1\r\nHost: localhost\r\n\r\n")
                return (response, connection.isClosedByServer())
            }
            try Self.expectEnvelope(response, status: refused.status, code: refused.code)
            #expect(closed, "the connection stayed open")
        }
    }

    @Test func garbageAfterAGoodRequestIsAnsweredAfterItsResponse() async throws {
        try await Self.live { port in
            let (bytes, timedOut) = try await offThePool {
                let connection = try RawConnection(port: port)
                try connection.send("GET /no/such/path HTTP/1.1\r\nHost: localhost\r\n\r\nget / HTTP/1.1\r\n\r\n")
                return connection.receiveAll()
            }
            #expect(!timedOut)
            let first = try #require(RawResponse(parsing: bytes))
            #expect(first.status == 404)
            let second = try #require(RawResponse(parsing: Array(bytes[first.length...])))
            try Self.expectEnvelope(second, status: 400, code: "InvalidParameter.Malformed")
            #expect(second.length == bytes.count - first.length, "more than two responses")
        }
    }

    // MARK: Timeouts

    @Test func anIdleConnectionIsClosedWithoutAnAnswer() async throws {
        try await Self.live(Self.fast) { port in
            let (status, freshClosed, usedClosed, seconds) = try await offThePool {
                let fresh = try RawConnection(port: port)
                let used = try RawConnection(port: port)
                try used.send("GET /no/such/path HTTP/1.1\r\nHost: localhost\r\n\r\n")
                let status = try used.receiveResponse().status
                let started = Date()
                return (status, fresh.isClosedByServer(), used.isClosedByServer(), Date().timeIntervalSince(started))
            }
            #expect(status == 404)
            #expect(freshClosed && usedClosed)
            #expect(seconds < 3)
        }
    }

    @Test(arguments: [
        ("headers never finished", "GET / HTTP/1.1\r\nHost: local"),
        ("body never finished", "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100\r\n\r\nAction=Desc"),
    ])
    func aSlowRequestIsAnswered408(_ name: String, request: String) async throws {
        try await Self.live(Self.fast) { port in
            let (response, closed) = try await offThePool {
                let connection = try RawConnection(port: port)
                try connection.send(request)
                return (try connection.receiveResponse(), connection.isClosedByServer())
            }
            try Self.expectEnvelope(response, status: 408, code: "RequestTimeout")
            #expect(closed, "\(name)")
        }
    }

    @Test func aHeaderSentAByteAtATimeStillTimesOut() async throws {
        try await Self.live(Self.fast) { port in
            let (response, closed) = try await offThePool {
                let connection = try RawConnection(port: port)
                // Slowloris: a byte every 100 ms for twice the header timeout. A timeout that restarted on
                // every byte would never fire; the header timeout counts from the first byte.
                for byte in "GET / HTTP/1.1\r\nX-Slow: a".utf8.prefix(10) {
                    try? connection.send([byte])
                    usleep(100_000)
                }
                return (try connection.receiveResponse(), connection.isClosedByServer())
            }
            try Self.expectEnvelope(response, status: 408, code: "RequestTimeout")
            #expect(closed)
        }
    }

    // MARK: The connection cap

    /// Two places, and neither an idle nor a slow connection is closed by a timeout during a test.
    static let twoPlaces = ConnectionLimits(
        idleTimeout: .seconds(30), headerTimeout: .seconds(30), bodyTimeout: .seconds(30), maxConnections: 2, lingerTimeout: .milliseconds(500))

    @Test func overTheCapTheLongestIdleConnectionMakesRoom() async throws {
        try await Self.live(Self.twoPlaces) { port in
            let (status, firstClosed) = try await offThePool {
                // Two connections, each served once (so certainly admitted), then idle for more than the second
                // after which an idle connection can be closed to make room.
                let request = "GET /no/such/path HTTP/1.1\r\nHost: localhost\r\n\r\n"
                let first = try RawConnection(port: port)
                try first.send(request)
                _ = try first.receiveResponse()
                let second = try RawConnection(port: port)
                try second.send(request)
                _ = try second.receiveResponse()
                usleep(1_100_000)
                let third = try RawConnection(port: port)
                try third.send(request)
                let status = try third.receiveResponse().status
                withExtendedLifetime(second) {}
                return (status, first.isClosedByServer())
            }
            #expect(status == 404)
            #expect(firstClosed, "the longest-idle connection was not closed")
        }
    }

    @Test func overTheCapWithNoIdleConnectionTheNewOneIsAnswered503() async throws {
        try await Self.live(Self.twoPlaces) { port in
            let (response, closed) = try await offThePool {
                var busy: [RawConnection] = []
                for _ in 0..<3 {
                    let connection = try RawConnection(port: port)
                    try connection.send("GET / HTTP/1.1\r\n")  // a request begun: not idle
                    busy.append(connection)
                    usleep(50_000)
                }
                let refused = try RawConnection(port: port)
                let result = (try refused.receiveResponse(), refused.isClosedByServer())
                withExtendedLifetime(busy) {}
                return result
            }
            try Self.expectEnvelope(response, status: 503, code: "ServiceUnavailable")
            #expect(closed)
        }
    }

    @Test func theCapIsHeldBelowTheOpenFileLimit() {
        let limits = ConnectionLimits(maxConnections: 10_000)
        #expect(limits.connectionCap(openFileLimit: 1_024) == 896)
        #expect(limits.connectionCap(openFileLimit: 200) == 100)
        #expect(limits.connectionCap(openFileLimit: 1_000_000) == 10_000)
    }

    // MARK: Helpers

    /// Runs `body` against a live server on 127.0.0.1 with `limits`, given its port. (Not HummingbirdTesting's
    /// `.live`: its client opens a connection of its own, which would count against the cap under test.)
    static func live(_ limits: ConnectionLimits = .standard, _ body: @escaping @Sendable (Int) async throws -> Void) async throws {
        let configuration = ServerConfiguration(
            host: "127.0.0.1", port: 0, store: try SQLiteStore.inMemory(), keys: KeyRing(keys: [TestServer.key], mode: .strict),
            ids: SequentialIDGenerator(), connections: limits)
        let (addresses, announce) = AsyncStream.makeStream(of: String.self)
        let app = HaVipServer.makeApplication(configuration) { address in announce.yield(address) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await app.run() }
            var iterator = addresses.makeAsyncIterator()
            let address = try #require(await iterator.next())
            let port = try #require(address.split(separator: ":").last.flatMap { Int($0) })
            do {
                try await body(port)
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    static func expectEnvelope(_ response: RawResponse, status: Int, code: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(response.status == status, sourceLocation: sourceLocation)
        let body = try response.json
        #expect(body["Code"] as? String == code, "\(body)", sourceLocation: sourceLocation)
        #expect((body["Message"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
        #expect(body["RequestId"] as? String == response.headers["x-acs-request-id"], sourceLocation: sourceLocation)
        #expect(body["HostId"] is String, sourceLocation: sourceLocation)
        #expect((body["Recommend"] as? String)?.contains("q=\(code)") == true, sourceLocation: sourceLocation)
        #expect(response.headers["content-type"] == "application/json;charset=utf-8", sourceLocation: sourceLocation)
        #expect(response.headers["content-length"] == "\(response.body.count)", sourceLocation: sourceLocation)
        #expect(response.headers["connection"] == "close", sourceLocation: sourceLocation)
    }
}
