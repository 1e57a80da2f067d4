import NIOSSL

/// What an HTTPS listener presents: a certificate chain (the server's own certificate first) and its private key,
/// read from PEM files once, at start. Building the TLS context here checks that the key belongs to the
/// certificate, so a wrong pair stops the server before it listens instead of failing every handshake.
///
/// Neither the key nor the certificates are ever logged or put in an error: errors name the files only.
public struct ServerTLS: Sendable {
    /// The listener's TLS settings: TLS 1.2 and later, no client certificates.
    let configuration: TLSConfiguration

    public init(certificateFile: String, keyFile: String) throws(ServerTLSError) {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificateFile)
        } catch {
            throw .unreadableCertificate(file: certificateFile)
        }
        guard !chain.isEmpty else { throw .unreadableCertificate(file: certificateFile) }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: keyFile, format: .pem)
        } catch {
            throw .unreadablePrivateKey(file: keyFile)
        }
        var configuration = TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        configuration.minimumTLSVersion = .tlsv12
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw .keyDoesNotMatchCertificate(keyFile: keyFile, certificateFile: certificateFile)
        }
        self.configuration = configuration
    }
}

/// Why a certificate and key could not be served. The description names the files, never their contents.
public enum ServerTLSError: Error, Equatable, CustomStringConvertible {
    case unreadableCertificate(file: String)
    case unreadablePrivateKey(file: String)
    case keyDoesNotMatchCertificate(keyFile: String, certificateFile: String)

    public var description: String {
        switch self {
        case .unreadableCertificate(let file): "cannot read a PEM certificate from \(file)"
        case .unreadablePrivateKey(let file): "cannot read an unencrypted PEM private key from \(file)"
        case .keyDoesNotMatchCertificate(let keyFile, let certificateFile):
            "the private key in \(keyFile) does not belong to the first certificate in \(certificateFile)"
        }
    }
}
