import Crypto
import Foundation

/// Signature V1 of the RPC style: HMAC-SHA1 over the sorted, percent-encoded parameters.
///
/// The string to sign is built as bytes, in one buffer: the server checks a signature on every request,
/// and the string itself is only wanted as text when a signature does not match.
public enum SignatureV1 {
    /// `Name=Value` pairs of every parameter but `Signature`, names and values percent-encoded, sorted by encoded name.
    public static func canonicalizedQuery(_ pairs: [(name: String, value: String)]) -> String {
        var out: [UInt8] = []
        appendCanonicalizedQuery(pairs, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `METHOD&%2F&percentEncode(canonicalizedQuery)`.
    public static func stringToSign(method: String, parameters: [(name: String, value: String)]) -> String {
        String(decoding: stringToSignBytes(method: method, parameters: parameters), as: UTF8.self)
    }

    /// ``stringToSign(method:parameters:)`` as UTF-8 bytes.
    public static func stringToSignBytes(method: String, parameters: [(name: String, value: String)]) -> [UInt8] {
        var query: [UInt8] = []
        appendCanonicalizedQuery(parameters, to: &query)
        var out: [UInt8] = []
        out.reserveCapacity(method.utf8.count + 5 + query.count * 3 / 2)
        out.append(contentsOf: method.utf8)
        out.append(contentsOf: "&%2F&".utf8)
        query.withUnsafeBufferPointer { PercentEncoding.append($0, to: &out) }
        return out
    }

    /// Base64 of HMAC-SHA1 keyed with `secret + "&"`.
    public static func signature(stringToSign: String, secret: String) -> String {
        signature(stringToSign: Array(stringToSign.utf8), secret: secret)
    }

    /// Base64 of HMAC-SHA1 keyed with `secret + "&"`, over the bytes of the string to sign.
    public static func signature(stringToSign: [UInt8], secret: String) -> String {
        let key = SymmetricKey(data: Array((secret + "&").utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: stringToSign, using: key)
        return Data(mac).base64EncodedString()
    }

    private static func appendCanonicalizedQuery(_ pairs: [(name: String, value: String)], to out: inout [UInt8]) {
        let signed = pairs.lazy.filter { $0.name != "Signature" }.map { (name: PercentEncoding.encode($0.name), value: $0.value) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
        for (offset, pair) in signed.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: "&")) }
            out.append(contentsOf: pair.name.utf8)
            out.append(UInt8(ascii: "="))
            var value = pair.value
            value.withUTF8 { PercentEncoding.append($0, to: &out) }
        }
    }
}
