import Foundation
import HaVipClient
import Hummingbird
import HummingbirdTLS
import HummingbirdTesting
import Logging
import NIOSSL
import Testing

/// `https://` endpoints: a server with a certificate of a test CA is reached when the client trusts that CA
/// (`caBundle`), and refused when it trusts only the system's.
@Suite struct TLSTests {
    @Test func anHTTPSEndpointIsReachedThroughItsCABundle() async throws {
        let pki = try TestPKI()
        defer { pki.remove() }
        var serverTLS = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.serverCertificate).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.serverKey, format: .pem)))
        serverTLS.minimumTLSVersion = .tlsv12
        let recorder = Recorder()
        let app = Application(
            responder: FakeServer(recorder: recorder, answer: { _ in (200, #"{"mode":"manual"}"#) }),
            server: try .tls(.http1(), tlsConfiguration: serverTLS), logger: Logger(label: "fake-havip-tls"))
        try await app.test(.ahc(.https)) { client in
            let endpoint = Endpoint(scheme: "https", host: "localhost", port: try #require(client.port))
            let mode = try await HaVipConnection.withConnection(to: endpoint, caBundle: pki.caCertificate) { connection in
                try await ControlClient(connection: connection, adminToken: "t").transitions()
            }
            #expect(mode == .manual)
            #expect(await recorder.last?.target == "/_havip/transitions")

            await #expect(throws: (any Error).self) {
                try await HaVipConnection.withConnection(to: endpoint) { connection in
                    _ = try await ControlClient(connection: connection, adminToken: "t").transitions()
                }
            }
            #expect(await recorder.requests.count == 1)
        }
    }

    @Test func aMissingCABundleFailsBeforeAnyRequest() async throws {
        await #expect(throws: NIOSSLError.self) {
            try await HaVipConnection.withConnection(to: Endpoint("https://localhost:1")!, caBundle: "/nonexistent/ca.pem") { _ in }
        }
    }
}

/// A throwaway CA and a server certificate it signed for localhost and 127.0.0.1, made with the openssl tool.
struct TestPKI {
    let directory: URL
    var caCertificate: String { directory.appendingPathComponent("ca.pem").path }
    var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
    var serverKey: String { directory.appendingPathComponent("server.key").path }

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("havip-pki-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\n".utf8).write(to: directory.appendingPathComponent("san.ext"))
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try openssl(["req", "-x509"] + curve + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "2", "-subj", "/CN=havip test CA"])
        try openssl(["req"] + curve + ["-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=localhost"])
        try openssl([
            "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial", "-out", "server.pem",
            "-days", "2", "-extfile", "san.ext",
        ])
    }

    func remove() {
        try? FileManager.default.removeItem(at: directory)
    }

    private func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "openssl \(arguments.joined(separator: " ")) failed"])
        }
    }
}
