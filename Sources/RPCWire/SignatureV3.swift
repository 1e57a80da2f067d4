import Crypto
import Foundation

/// Signature V3, `ACS3-HMAC-SHA256`: a canonical request over the query, the headers the client chose to
/// sign and the body hash; the signature is hex HMAC-SHA256 keyed with the raw secret.
public enum SignatureV3 {
    public static let algorithm = "ACS3-HMAC-SHA256"
    /// SHA-256 of an empty body, the `x-acs-content-sha256` of every bodiless request.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    /// The parts of an `Authorization: ACS3-HMAC-SHA256 Credential=…,SignedHeaders=…,Signature=…` header.
    public struct Authorization: Sendable, Equatable {
        public let accessKeyId: String
        /// Lowercase header names, in the order the client listed them.
        public let signedHeaders: [String]
        public let signature: String

        /// Parses the header; nil when it is not a well-formed V3 authorization.
        public init?(header: String) {
            let prefix = SignatureV3.algorithm + " "
            guard header.hasPrefix(prefix) else { return nil }
            var fields: [Substring: Substring] = [:]
            for part in header.dropFirst(prefix.count).split(separator: ",") {
                let trimmed = part.drop { $0 == " " }
                guard let equals = trimmed.firstIndex(of: "=") else { return nil }
                fields[trimmed[..<equals]] = trimmed[trimmed.index(after: equals)...]
            }
            guard let credential = fields["Credential"], !credential.isEmpty,
                let signed = fields["SignedHeaders"], !signed.isEmpty,
                let signature = fields["Signature"], !signature.isEmpty
            else { return nil }
            self.accessKeyId = String(credential)
            self.signedHeaders = signed.split(separator: ";").map { $0.lowercased() }
            self.signature = String(signature)
        }

        public init(accessKeyId: String, signedHeaders: [String], signature: String) {
            self.accessKeyId = accessKeyId
            self.signedHeaders = signedHeaders
            self.signature = signature
        }

        /// The header value, as a client sends it.
        public var headerValue: String {
            "\(SignatureV3.algorithm) Credential=\(accessKeyId),SignedHeaders=\(signedHeaders.joined(separator: ";")),Signature=\(signature)"
        }
    }

    /// The canonical request. `query` holds the URL's own parameters (names are not encoded, as the SDKs
    /// do not encode them); `headers` gives, for each name in `signedHeaders`, the request's values of it.
    public static func canonicalRequest(
        method: String,
        path: String,
        query: [(name: String, value: String)],
        signedHeaders: [String],
        headerValues: (String) -> [String],
        payloadHash: String
    ) -> String {
        let canonicalQuery = query
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            .map { "\($0.name)=\(PercentEncoding.encode($0.value))" }
            .joined(separator: "&")
        let names = signedHeaders.sorted()
        var headerBlock = ""
        for name in names {
            let values = headerValues(name).map { trimSpaces($0) }.sorted()
            headerBlock += "\(name):\(values.joined(separator: ","))\n"
        }
        return [method, path.isEmpty ? "/" : path, canonicalQuery, headerBlock, names.joined(separator: ";"), payloadHash]
            .joined(separator: "\n")
    }

    /// `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request.
    public static func stringToSign(canonicalRequest: String) -> String {
        "\(algorithm)\n\(hexSHA256(Array(canonicalRequest.utf8)))"
    }

    /// Hex HMAC-SHA256 of the string to sign, keyed with the secret itself.
    public static func signature(stringToSign: String, secret: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Array(stringToSign.utf8), using: SymmetricKey(data: Array(secret.utf8)))
        return hex(mac)
    }

    /// Lowercase hex SHA-256, as `x-acs-content-sha256` carries it.
    public static func hexSHA256(_ bytes: some DataProtocol) -> String {
        hex(SHA256.hash(data: bytes))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func trimSpaces(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
