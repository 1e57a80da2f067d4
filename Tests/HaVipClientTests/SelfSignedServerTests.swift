import Foundation
import HaVipClient
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Logging
import Testing

/// havip's own HTTPS listener with `--tls self-signed`'s certificate: a client that trusts `ca.pem` reaches it
/// by name and by address, one that does not is refused in the handshake, and plain HTTP gets no answer.
@Suite struct SelfSignedServerTests {
    @Test func aClientTrustingCAPemIsServedAndOthersAreRefused() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("havip-tls-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let selfSigned = SelfSignedTLS(directory: directory)
        let (tls, _) = try await selfSigned.prepare()
        let configuration = ServerConfiguration(
            tls: tls, store: try SQLiteStore.inMemory(), keys: KeyRing(keys: [LiveServer.key], mode: .strict),
            logger: Logger(label: "havip-tls-test"))
        #expect(configuration.scheme == "https")

        try await HaVipServer.makeApplication(configuration).test(.live) { client in
            let port = try #require(client.port)
            for host in ["localhost", "127.0.0.1"] {
                let endpoint = Endpoint(scheme: "https", host: host, port: port)
                let identity = try await HaVipConnection.withConnection(to: endpoint, caBundle: selfSigned.caFile.path) { connection in
                    try await LiveServer.rpc(connection, .v3).call(.sts, "GetCallerIdentity")
                }
                #expect(identity.json["AccountId"]?.string == "3333333333333333")

                await #expect(throws: (any Error).self, "a client that trusts only the system's CAs") {
                    try await HaVipConnection.withConnection(to: endpoint) { connection in
                        _ = try await LiveServer.rpc(connection, .v3).call(.sts, "GetCallerIdentity")
                    }
                }
            }
            await #expect(throws: (any Error).self, "plain HTTP to the TLS port") {
                try await HaVipConnection.withConnection(to: Endpoint(scheme: "http", host: "127.0.0.1", port: port), timeout: .seconds(5)) { connection in
                    _ = try await LiveServer.rpc(connection, .v1).call(.sts, "GetCallerIdentity")
                }
            }
        }
    }
}
