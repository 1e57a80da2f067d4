import Foundation
import X509

/// `--tls self-signed`: a certificate authority of havip's own and a server certificate it signed for
/// `localhost`, `127.0.0.1` and `::1`, kept as PEM files in one directory and reused from one start to the next
/// while they are valid.
///
/// - `ca.pem`: the authority's certificate: the file a client is told to trust (`ALIBABA_CLOUD_CA_BUNDLE`,
///   the Tea SDK's `Config(ca=…)`, `SSL_CERT_FILE`; docs/clients.md);
/// - `server.pem` and `server-key.pem` (mode 0600): what the listener presents.
///
/// A small authority and a separate server certificate, not one self-signed certificate, because that is the
/// shape every verifier accepts, strict ones included (a trust anchor that is a CA, a leaf that is not, key
/// identifiers linking the two). The authority's private key signs the one server certificate and is never
/// written anywhere: trusting `ca.pem` trusts that certificate and nothing else anyone could sign later.
///
/// The files are replaced, at the same paths, when any is missing or unreadable, when the server certificate no
/// longer verifies against `ca.pem` for each of the three names, when the key does not belong to it, or when
/// either certificate expires within ``renewalMargin``.
public struct SelfSignedTLS: Sendable {
    /// The host names the server certificate is made for.
    public static let hostNames = ["localhost"]
    /// The addresses the server certificate is made for.
    public static let addresses = ["127.0.0.1", "::1"]
    /// How long a new authority and server certificate are valid.
    public static let lifetime: TimeInterval = 365 * 24 * 3600
    /// Certificates that expire sooner than this are replaced at start.
    public static let renewalMargin: TimeInterval = 30 * 24 * 3600

    /// The directory holding the three files (created when missing).
    public let directory: URL

    public init(directory: URL) {
        self.directory = directory
    }

    public var caFile: URL { directory.appendingPathComponent("ca.pem") }
    public var certificateFile: URL { directory.appendingPathComponent("server.pem") }
    public var keyFile: URL { directory.appendingPathComponent("server-key.pem") }

    /// What ``prepare(now:)`` did: reused the files, or made new ones and why.
    public enum Outcome: Sendable, Equatable {
        case reused
        case created(reason: String)
    }

    /// The listener's TLS from the files in ``directory``: reused when they pass every check at `now`, made anew
    /// (authority and server certificate together) when not.
    public func prepare(now: Date = Date()) async throws -> (tls: ServerTLS, outcome: Outcome) {
        let outcome: Outcome
        if let problem = await problem(at: now) {
            try issue(now: now)
            outcome = .created(reason: problem)
        } else {
            outcome = .reused
        }
        return (try ServerTLS(certificateFile: certificateFile.path, keyFile: keyFile.path), outcome)
    }

    /// Why the files in the directory cannot be served as they are at `now`; nil when they can.
    func problem(at now: Date) async -> String? {
        let files = [caFile, certificateFile, keyFile]
        guard files.allSatisfy({ FileManager.default.fileExists(atPath: $0.path) }) else { return "none were there" }
        guard let authority = try? Certificate(pemEncoded: String(contentsOf: caFile, encoding: .utf8)),
            let server = try? Certificate(pemEncoded: String(contentsOf: certificateFile, encoding: .utf8)),
            let key = try? Certificate.PrivateKey(pemEncoded: String(contentsOf: keyFile, encoding: .utf8))
        else { return "the files there could not be read" }
        guard key.publicKey == server.publicKey else { return "the key there does not belong to the certificate" }
        let renewBy = now.addingTimeInterval(Self.renewalMargin)
        guard authority.notValidAfter > renewBy, server.notValidAfter > renewBy else {
            return "the certificates there expire within \(Int(Self.renewalMargin / 86_400)) days"
        }
        for (hostName, address) in Self.hostNames.map({ ($0, nil) }) + Self.addresses.map({ (nil, $0) }) {
            var verifier = Verifier(rootCertificates: CertificateStore([authority])) {
                RFC5280Policy(validationTime: now)
                ServerIdentityPolicy(serverHostname: hostName, serverIP: address)
            }
            guard case .validCertificate = await verifier.validate(leaf: server, intermediates: CertificateStore()) else {
                return "the certificate there does not verify against ca.pem for \(hostName ?? address ?? "")"
            }
        }
        return nil
    }
}
