import ArgumentParser
import Foundation
import HaVipServer

/// `serve`'s HTTPS options: a certificate and key of the user's (`--tls-cert`, `--tls-key`), or a certificate
/// havip makes and keeps (`--tls self-signed`). Without any of them the server speaks plain HTTP.
struct TLSOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        case selfSigned = "self-signed"
    }

    @Option(
        help: ArgumentHelp(
            "self-signed: serve HTTPS with a certificate for localhost, 127.0.0.1 and ::1 signed by a CA of havip's own.",
            discussion: """
                The files (ca.pem, the one to trust; server.pem; server-key.pem) are kept in tls/ beside the SQLite file \
                (./.havip/tls with the memory and PostgreSQL stores), reused while valid, and the CA's path is printed at start.
                """))
    var tls: Mode?

    @Option(name: .customLong("tls-cert"), help: "Serve HTTPS with this PEM certificate (the server's first, then any intermediates); with --tls-key.")
    var certificateFile: String?

    @Option(name: .customLong("tls-key"), help: "The unencrypted PEM private key of --tls-cert.")
    var keyFile: String?

    func validate() throws {
        switch (tls, certificateFile, keyFile) {
        case (.some, .some, _), (.some, _, .some): throw ValidationError("--tls self-signed excludes --tls-cert and --tls-key")
        case (nil, .some, nil): throw ValidationError("--tls-cert needs --tls-key")
        case (nil, nil, .some): throw ValidationError("--tls-key needs --tls-cert")
        default: break
        }
    }

    /// The listener's TLS; nil for plain HTTP. With `--tls self-signed` the files are reused or made in
    /// ``directory(for:)`` of `store`, and the CA's path is printed for clients to trust.
    func serverTLS(store: StoreLocation) async throws -> ServerTLS? {
        if let certificateFile, let keyFile {
            do {
                return try ServerTLS(certificateFile: certificateFile, keyFile: keyFile)
            } catch {
                throw TLSOptionsError("--tls-cert/--tls-key: \(error)")
            }
        }
        guard tls == .selfSigned else { return nil }
        let selfSigned = SelfSignedTLS(directory: Self.directory(for: store))
        let prepared: (tls: ServerTLS, outcome: SelfSignedTLS.Outcome)
        do {
            prepared = try await selfSigned.prepare()
        } catch {
            throw TLSOptionsError("--tls self-signed in \(selfSigned.directory.path): \(error)")
        }
        let ca = selfSigned.caFile.path
        let origin = switch prepared.outcome {
        case .reused: "reused"
        case .created(let reason): "made now: \(reason)"
        }
        announce("havip TLS: certificate for \((SelfSignedTLS.hostNames + SelfSignedTLS.addresses).joined(separator: ", ")) signed by the CA in \(ca) (\(origin))")
        announce("havip TLS: trust it with ALIBABA_CLOUD_CA_BUNDLE=\(ca) (aliyun-python-sdk-core, footmark), Config(ca='\(ca)') (Tea SDK), SSL_CERT_FILE=\(ca) (Tea SDK, libcloud); docs/clients.md")
        return prepared.tls
    }

    /// Where `--tls self-signed` keeps its files: `tls/` beside a SQLite file, else `./.havip/tls`.
    static func directory(for store: StoreLocation) -> URL {
        let base = switch store {
        case .sqlite(let path): URL(fileURLWithPath: path).deletingLastPathComponent()
        case .memory, .postgres: URL(fileURLWithPath: ".havip", isDirectory: true)
        }
        return base.appendingPathComponent("tls", isDirectory: true).standardizedFileURL
    }
}

/// A certificate or key that `serve` could not use; says which option and file, never what the file holds.
struct TLSOptionsError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
