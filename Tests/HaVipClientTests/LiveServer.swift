import Testing
import HaVipClient
import HaVipModel
import HaVipSQLite
import HaVipServer
import Hummingbird
import HummingbirdTesting
import Logging

/// A real havip server on a free port (HummingbirdTesting's `.live`), with an in-memory store, the system
/// clock and one strict key, for the client to reach over HTTP.
enum LiveServer {
    static let key = AccessKey(id: "clientid", secret: "clientsecret", account: AccountID("3333333333333333"))

    /// Runs `body` with a connection to a fresh server.
    static func run(_ body: @escaping @Sendable (HaVipConnection) async throws -> Void) async throws {
        let configuration = ServerConfiguration(
            store: try SQLiteStore.inMemory(), keys: KeyRing(keys: [key], mode: .strict), logger: Logger(label: "havip-client-test"))
        try await HaVipServer.makeApplication(configuration).test(.live) { client in
            let port = try #require(client.port)
            try await HaVipConnection.withConnection(to: Endpoint(scheme: "http", host: "localhost", port: port), body)
        }
    }

    /// A client of the server's key with `signature`.
    static func rpc(_ connection: HaVipConnection, _ signature: SignatureStyle, secret: String = key.secret) -> RPCClient {
        RPCClient(connection: connection, accessKeyId: key.id, accessKeySecret: secret, signature: signature)
    }
}
