import Crypto
import Foundation

/// Signature V1 of the RPC style: HMAC-SHA1 over the sorted, percent-encoded parameters.
public enum SignatureV1 {
    /// `Name=Value` pairs of every parameter but `Signature`, names and values percent-encoded, sorted by encoded name.
    public static func canonicalizedQuery(_ pairs: [(name: String, value: String)]) -> String {
        pairs.lazy
            .filter { $0.name != "Signature" }
            .map { (name: PercentEncoding.encode($0.name), value: PercentEncoding.encode($0.value)) }
            .sorted { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }
            .map { "\($0.name)=\($0.value)" }
            .joined(separator: "&")
    }

    /// `METHOD&%2F&percentEncode(canonicalizedQuery)`.
    public static func stringToSign(method: String, parameters: [(name: String, value: String)]) -> String {
        "\(method)&%2F&\(PercentEncoding.encode(canonicalizedQuery(parameters)))"
    }

    /// Base64 of HMAC-SHA1 keyed with `secret + "&"`.
    public static func signature(stringToSign: String, secret: String) -> String {
        let key = SymmetricKey(data: Array((secret + "&").utf8))
        let mac = HMAC<Insecure.SHA1>.authenticationCode(for: Array(stringToSign.utf8), using: key)
        return Data(mac).base64EncodedString()
    }
}
