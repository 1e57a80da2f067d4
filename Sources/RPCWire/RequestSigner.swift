/// Signs outgoing RPC requests the way the official SDKs do (V1 and V3). Used today by havip's Swift tests,
/// to sign the requests they send; the benchmark signs its own in Python (`bench/sign_requests.py`).
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
}
