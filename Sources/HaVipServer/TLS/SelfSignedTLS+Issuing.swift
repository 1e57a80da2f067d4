import Crypto
import Foundation
import SwiftASN1
import X509

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SelfSignedTLS {
    /// The addresses of ``addresses`` as the octets a certificate's `iPAddress` name holds.
    static let addressOctets: [[UInt8]] = [[127, 0, 0, 1], Array(repeating: 0, count: 15) + [1]]

    /// Makes a new authority and a server certificate signed by it, valid from an hour before `now` (clocks of
    /// clients differ) for ``lifetime``, and writes the three files, each whole or not at all. The authority's
    /// key goes out of scope here, unwritten.
    func issue(now: Date) throws {
        let notBefore = now.addingTimeInterval(-3600)
        let notAfter = now.addingTimeInterval(Self.lifetime)

        let authorityKey = Certificate.PrivateKey(P256.Signing.PrivateKey())
        let authorityKeyID = SubjectKeyIdentifier(hash: authorityKey.publicKey)
        let authorityName = try DistinguishedName {
            OrganizationName("havip")
            // Unique per authority, so that a client holding an older one never mistakes it for this one.
            CommonName("havip local CA \(authorityKeyID.keyIdentifier.prefix(4).map { String(format: "%02X", $0) }.joined())")
        }
        let authority = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: authorityKey.publicKey,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: authorityName, subject: authorityName,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(keyCertSign: true, cRLSign: true))
                authorityKeyID
            },
            issuerPrivateKey: authorityKey)

        let serverKey = P256.Signing.PrivateKey()
        let serverPublicKey = Certificate.PublicKey(serverKey.publicKey)
        let names = Self.hostNames.map { GeneralName.dnsName($0) } + Self.addressOctets.map { .ipAddress(ASN1OctetString(contentBytes: $0[...])) }
        let server = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: serverPublicKey,
            notValidBefore: notBefore, notValidAfter: notAfter, issuer: authorityName,
            subject: try DistinguishedName {
                OrganizationName("havip")
                CommonName(Self.hostNames[0])
            },
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: serverPublicKey)
                AuthorityKeyIdentifier(keyIdentifier: authorityKeyID.keyIdentifier)
            },
            issuerPrivateKey: authorityKey)

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // The key first and the authority last: a client never finds a ca.pem newer than what is served.
        try Self.write(serverKey.pemRepresentation, to: keyFile, permissions: 0o600)
        try Self.write(server.serializeAsPEM().pemString, to: certificateFile, permissions: 0o644)
        try Self.write(authority.serializeAsPEM().pemString, to: caFile, permissions: 0o644)
    }

    /// Writes `text` to a new file beside `url`, created with `permissions` (so a key is never readable by others,
    /// not even for a moment), then renames it over `url`.
    private static func write(_ text: String, to url: URL, permissions: mode_t) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)")
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, permissions)
        guard descriptor >= 0 else { throw SelfSignedTLSError.cannotWrite(url.path, errno: errno) }
        let file = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try file.write(contentsOf: Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
            try file.synchronize()
            try file.close()
        } catch {
            unlink(temporary.path)
            throw SelfSignedTLSError.cannotWrite(url.path, errno: EIO)
        }
        guard rename(temporary.path, url.path) == 0 else {
            let renameErrno = errno
            unlink(temporary.path)
            throw SelfSignedTLSError.cannotWrite(url.path, errno: renameErrno)
        }
    }
}

/// A file of ``SelfSignedTLS`` that could not be written.
public enum SelfSignedTLSError: Error, CustomStringConvertible {
    case cannotWrite(String, errno: Int32)

    public var description: String {
        switch self {
        case .cannotWrite(let path, let code): "cannot write \(path): \(String(cString: strerror(code)))"
        }
    }
}
