/// Signs outgoing RPC requests the way the official SDKs do (V1 and V3): the one signer of havip's Swift code,
/// used by `HaVipClient` (and so the `havip` command line) and by the Swift tests; the benchmark signs its own
/// in Python (`bench/sign_requests.py`).
public struct RequestSigner: Sendable {
    public let accessKeyId: String
    public let secret: String

    public init(accessKeyId: String, secret: String) {
        self.accessKeyId = accessKeyId
        self.secret = secret
    }

    /// V1: adds the common parameters and `Signature` to `parameters`; returns everything to send.
    public func signV1(
        method: String, action: String, version: String, parameters: [(name: String, value: String)],
        timestamp: String, nonce: String, format: String = "JSON"
    ) -> [(name: String, value: String)] {
        var all = parameters
        all.append(contentsOf: [
            ("Action", action), ("Version", version), ("Format", format), ("AccessKeyId", accessKeyId),
            ("SignatureMethod", "HMAC-SHA1"), ("SignatureVersion", "1.0"), ("SignatureNonce", nonce), ("Timestamp", timestamp),
        ])
        let stringToSign = SignatureV1.stringToSign(method: method, parameters: all)
        all.append(("Signature", SignatureV1.signature(stringToSign: stringToSign, secret: secret)))
        return all
    }

    /// V3: the headers to send with a query of business parameters (`host` is returned too, for the caller
    /// to put on the wire). `extraHeaders` are signed as well.
    public func signV3(
        method: String, host: String, action: String, version: String, query: [(name: String, value: String)],
        body: [UInt8] = [], timestamp: String, nonce: String, extraHeaders: [(name: String, value: String)] = []
    ) -> [(name: String, value: String)] {
        var headers: [(name: String, value: String)] = [
            ("host", host), ("x-acs-action", action), ("x-acs-version", version), ("x-acs-date", timestamp),
            ("x-acs-signature-nonce", nonce), ("x-acs-content-sha256", SignatureV3.hexSHA256(body)),
        ]
        headers.append(contentsOf: extraHeaders.map { ($0.name.lowercased(), $0.value) })
        let names = headers.map(\.name)
        let canonical = SignatureV3.canonicalRequest(
            method: method, path: "/", query: query, signedHeaders: names,
            headerValues: { name in headers.filter { $0.name == name }.map(\.value) },
            payloadHash: SignatureV3.hexSHA256(body))
        let signature = SignatureV3.signature(stringToSign: SignatureV3.stringToSign(canonicalRequest: canonical), secret: secret)
        let authorization = SignatureV3.Authorization(accessKeyId: accessKeyId, signedHeaders: names.sorted(), signature: signature)
        headers.append(("Authorization", authorization.headerValue))
        return headers
    }

    /// The whole request for one call of `action` of `product`, as a client sends it with `style`: V1 as the
    /// Tea SDK's `signature_algorithm="v2"` sends it (POST, every parameter in the query, no body), V3 as its
    /// default (POST, business parameters in the query, the rest in signed `x-acs-*` headers). `host` is the
    /// `Host` header the request will carry (`name:port` unless the port is the scheme's default).
    public func sign(
        _ style: SignatureStyle, product: Product, action: String, parameters: [(name: String, value: String)], host: String,
        timestamp: String, nonce: String
    ) -> SignedRequest {
        switch style {
        case .v1:
            let query = signV1(
                method: "POST", action: action, version: product.version, parameters: parameters, timestamp: timestamp, nonce: nonce)
            return SignedRequest(method: "POST", query: query, headers: [("host", host)])
        case .v3:
            let headers = signV3(
                method: "POST", host: host, action: action, version: product.version, query: parameters, timestamp: timestamp,
                nonce: nonce)
            return SignedRequest(method: "POST", query: parameters, headers: headers)
        }
    }
}

/// Which signature a client puts on its requests.
public enum SignatureStyle: String, Sendable, CaseIterable {
    /// HMAC-SHA1 over the sorted parameters (`SignatureVersion=1.0`).
    case v1
    /// `ACS3-HMAC-SHA256` in the `Authorization` header.
    case v3
}

/// A signed RPC request, ready for the wire: what ``RequestSigner/sign(_:product:action:parameters:host:timestamp:nonce:)`` answers.
public struct SignedRequest: Sendable {
    public let method: String
    /// The URL's query parameters, in order, not yet encoded.
    public let query: [(name: String, value: String)]
    /// Every header to send, `host` included.
    public let headers: [(name: String, value: String)]

    /// The query as the URL carries it: `name=value` pairs percent-encoded by the signing rules, joined by `&`.
    public var encodedQuery: String {
        query.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
    }
}
