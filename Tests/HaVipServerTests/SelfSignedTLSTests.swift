import Foundation
@testable import HaVipServer
import Testing
import X509

/// `--tls self-signed`: what the files are, that every name verifies against `ca.pem` and nothing else does,
/// that a start reuses valid files unchanged and replaces missing, broken, mismatched or expiring ones.
@Suite struct SelfSignedTLSTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test func aFirstStartMakesACAAndAServerCertificateForTheLocalNames() async throws {
        try await withDirectory { selfSigned in
            let (_, outcome) = try await selfSigned.prepare(now: now)
            #expect(outcome == .created(reason: "none were there"))

            let authority = try certificate(selfSigned.caFile)
            let server = try certificate(selfSigned.certificateFile)
            #expect(try authority.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
            #expect(try authority.extensions.keyUsage?.keyCertSign == true)
            #expect(try server.extensions.basicConstraints == .notCertificateAuthority)
            #expect(try server.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
            #expect(server.issuer == authority.subject)
            #expect(try server.extensions.authorityKeyIdentifier?.keyIdentifier == authority.extensions.subjectKeyIdentifier?.keyIdentifier)
            #expect(server.notValidBefore <= now && server.notValidAfter == now.addingTimeInterval(SelfSignedTLS.lifetime))

            for (hostName, address) in [("localhost", nil), (nil, "127.0.0.1"), (nil, "::1")] as [(String?, String?)] {
                #expect(await verifies(server, against: authority, hostName: hostName, address: address), "\(hostName ?? address ?? "")")
            }
            #expect(await !verifies(server, against: authority, hostName: "example.com", address: nil))
            #expect(await !verifies(server, against: authority, hostName: nil, address: "10.0.0.1"))
            #expect(await !verifies(server, against: authority, hostName: "localhost", address: nil, at: now.addingTimeInterval(SelfSignedTLS.lifetime + 1)))
        }
    }

    @Test func theKeyIsReadableByItsOwnerOnlyAndTheCAKeyIsNotKept() async throws {
        try await withDirectory { selfSigned in
            _ = try await selfSigned.prepare(now: now)
            let permissions = try FileManager.default.attributesOfItem(atPath: selfSigned.keyFile.path)[.posixPermissions] as? Int
            #expect(permissions == 0o600)
            let files = try FileManager.default.contentsOfDirectory(atPath: selfSigned.directory.path).sorted()
            #expect(files == ["ca.pem", "server-key.pem", "server.pem"])
            let keys = try files.filter { try String(contentsOf: selfSigned.directory.appendingPathComponent($0), encoding: .utf8).contains("PRIVATE KEY") }
            #expect(keys == ["server-key.pem"])
        }
    }

    @Test func aValidSetIsReusedAsItIs() async throws {
        try await withDirectory { selfSigned in
            _ = try await selfSigned.prepare(now: now)
            let before = try contents(selfSigned)
            let (_, outcome) = try await selfSigned.prepare(now: now.addingTimeInterval(SelfSignedTLS.lifetime - SelfSignedTLS.renewalMargin - 60))
            #expect(outcome == .reused)
            #expect(try contents(selfSigned) == before)
        }
    }

    @Test func aSetThatExpiresWithinTheMarginIsReplacedAtTheSamePaths() async throws {
        try await withDirectory { selfSigned in
            _ = try await selfSigned.prepare(now: now)
            let before = try contents(selfSigned)
            let later = now.addingTimeInterval(SelfSignedTLS.lifetime - SelfSignedTLS.renewalMargin + 60)
            let (_, outcome) = try await selfSigned.prepare(now: later)
            #expect(outcome == .created(reason: "the certificates there expire within 30 days"))
            let after = try contents(selfSigned)
            #expect(after.ca != before.ca && after.certificate != before.certificate && after.key != before.key)
            #expect(await verifies(try certificate(selfSigned.certificateFile), against: try certificate(selfSigned.caFile), hostName: "localhost", address: nil, at: later))
        }
    }

    @Test func brokenOrMismatchedFilesAreReplaced() async throws {
        try await withDirectory { selfSigned in
            _ = try await selfSigned.prepare(now: now)
            try Data("not a certificate".utf8).write(to: selfSigned.caFile)
            #expect(try await selfSigned.prepare(now: now).outcome == .created(reason: "the files there could not be read"))

            // Another set's key beside this set's certificate.
            try await withDirectory { other in
                _ = try await other.prepare(now: now)
                try FileManager.default.removeItem(at: selfSigned.keyFile)
                try FileManager.default.copyItem(at: other.keyFile, to: selfSigned.keyFile)
            }
            #expect(try await selfSigned.prepare(now: now).outcome == .created(reason: "the key there does not belong to the certificate"))

            // A CA that did not sign the server certificate.
            try await withDirectory { other in
                _ = try await other.prepare(now: now)
                try FileManager.default.removeItem(at: selfSigned.caFile)
                try FileManager.default.copyItem(at: other.caFile, to: selfSigned.caFile)
            }
            let outcome = try await selfSigned.prepare(now: now).outcome
            #expect(outcome == .created(reason: "the certificate there does not verify against ca.pem for localhost"))
            #expect(try await selfSigned.prepare(now: now).outcome == .reused)
        }
    }

    @Test func aCertificateAndKeyOfTheUsersAreCheckedAtStartAndNamedNotQuotedWhenWrong() async throws {
        try await withDirectory { selfSigned in
            _ = try await selfSigned.prepare(now: now)
            let certificate = selfSigned.certificateFile.path, key = selfSigned.keyFile.path
            _ = try ServerTLS(certificateFile: certificate, keyFile: key)

            #expect(throws: ServerTLSError.unreadableCertificate(file: "/nonexistent/cert.pem")) {
                try ServerTLS(certificateFile: "/nonexistent/cert.pem", keyFile: key)
            }
            #expect(throws: ServerTLSError.unreadableCertificate(file: key)) { try ServerTLS(certificateFile: key, keyFile: key) }
            #expect(throws: ServerTLSError.unreadablePrivateKey(file: certificate)) { try ServerTLS(certificateFile: certificate, keyFile: certificate) }
            try await withDirectory { other in
                _ = try await other.prepare(now: now)
                let error = #expect(throws: ServerTLSError.self) { try ServerTLS(certificateFile: certificate, keyFile: other.keyFile.path) }
                #expect(error == .keyDoesNotMatchCertificate(keyFile: other.keyFile.path, certificateFile: certificate))
                #expect(error?.description == "the private key in \(other.keyFile.path) does not belong to the first certificate in \(certificate)")
            }
        }
    }

    // MARK: Helpers

    private func withDirectory(_ body: (SelfSignedTLS) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("havip-tls-\(UUID().uuidString)/tls")
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        try await body(SelfSignedTLS(directory: directory))
    }

    private func certificate(_ file: URL) throws -> Certificate {
        try Certificate(pemEncoded: String(contentsOf: file, encoding: .utf8))
    }

    private func contents(_ selfSigned: SelfSignedTLS) throws -> (ca: Data, certificate: Data, key: Data) {
        (try Data(contentsOf: selfSigned.caFile), try Data(contentsOf: selfSigned.certificateFile), try Data(contentsOf: selfSigned.keyFile))
    }

    private func verifies(_ server: Certificate, against authority: Certificate, hostName: String?, address: String?, at time: Date? = nil) async -> Bool {
        var verifier = Verifier(rootCertificates: CertificateStore([authority])) {
            RFC5280Policy(validationTime: time ?? now)
            ServerIdentityPolicy(serverHostname: hostName, serverIP: address)
        }
        if case .validCertificate = await verifier.validate(leaf: server, intermediates: CertificateStore()) { return true }
        return false
    }
}
