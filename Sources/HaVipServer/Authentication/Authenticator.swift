import HaVipModel
import RPCWire

/// Checks a request's signature (V1 HMAC-SHA1 or V3 ACS3-HMAC-SHA256), timestamp, rate and nonce, and
/// answers with the caller's key. Every failure is a catalogue error; see docs/compatibility.md.
struct Authenticator: Sendable {
    /// How far a request's timestamp may be from the server's clock, either way.
    static let timestampWindow: Int64 = 15 * 60
    /// The longest nonce accepted, in bytes: the official SDKs send 32 to 36 characters (a UUID, or its hex).
    static let maximumNonceLength = 64

    let keys: KeyRing
    let clock: any WallClock
    let nonces: NonceLedger
    /// `--rate-limit`: checked once the signature is, before the nonce is claimed, so that a throttled
    /// request costs no store write and its retry (even with the same nonce) can pass.
    let rateLimiter: RateLimiter?

    func authenticate(_ request: IncomingRPCRequest) async throws -> AccessKey {
        let (key, nonce, issuedAt) =
            if let authorization = request.header("authorization") {
                try authenticateV3(request, authorization: authorization)
            } else {
                try authenticateV1(request)
            }
        if let rateLimiter, !rateLimiter.allow(key.id) { throw APIError.throttlingUser }
        let accepted = try await nonces.claim(
            nonce: nonce, accessKeyId: key.id, expiresAt: issuedAt + Self.timestampWindow + 1, now: Int64(clock.now()))
        guard accepted else { throw APIError.signatureNonceUsed }
        return key
    }

    /// Checks a V1 request; answers its key, nonce and timestamp (the nonce is claimed by the caller, last).
    private func authenticateV1(_ request: IncomingRPCRequest) throws(APIError) -> (AccessKey, String, Int64) {
        let parameters = request.parameters
        let accessKeyId = try parameters.required("AccessKeyId")
        let signature = try parameters.required("Signature")
        guard try parameters.required("SignatureMethod") == "HMAC-SHA1", try parameters.required("SignatureVersion") == "1.0",
            parameters.optional("SignatureType") == nil
        else { throw .incompleteSignature }
        let timestamp = try parameters.required("Timestamp")
        let nonce = try parameters.required("SignatureNonce")
        guard nonce.utf8.count <= Self.maximumNonceLength else { throw .invalidParameter("SignatureNonce") }
        let key = try lookUp(accessKeyId)
        let issuedAt = try checkTimestamp(timestamp)
        if keys.verifiesSignatures {
            let stringToSign = SignatureV1.stringToSignBytes(method: request.method, parameters: parameters.pairs)
            guard SignatureV1.signature(stringToSign: stringToSign, secret: key.secret) == signature else {
                throw .signatureDoesNotMatch(serverStringToSign: String(decoding: stringToSign, as: UTF8.self))
            }
        }
        return (key, nonce, issuedAt)
    }

    private func authenticateV3(_ request: IncomingRPCRequest, authorization header: String) throws(APIError) -> (AccessKey, String, Int64) {
        guard let authorization = SignatureV3.Authorization(header: header) else { throw .incompleteSignature }
        let signed = Set(authorization.signedHeaders)
        let carried = request.headers.map { $0.name.canonicalName }.filter { $0.hasPrefix("x-acs-") }
        // The content type decides whether the body's parameters are read: with a body, it must be signed.
        let contentTypeSigned = request.body.readableBytes == 0 || request.header("content-type") == nil || signed.contains("content-type")
        guard signed.contains("host"), carried.allSatisfy(signed.contains), contentTypeSigned,
            authorization.signedHeaders.allSatisfy({ !request.headerValues($0).isEmpty })
        else { throw .incompleteSignature }
        guard let timestamp = request.header("x-acs-date") else { throw .missingParameter("x-acs-date") }
        guard let nonce = request.header("x-acs-signature-nonce"), !nonce.isEmpty else {
            throw .missingParameter("x-acs-signature-nonce")
        }
        guard nonce.utf8.count <= Self.maximumNonceLength else { throw .invalidParameter("x-acs-signature-nonce") }
        let key = try lookUp(authorization.accessKeyId)
        let issuedAt = try checkTimestamp(timestamp)
        if keys.verifiesSignatures {
            let canonicalRequest = SignatureV3.canonicalRequest(
                method: request.method, path: request.path, query: request.query,
                signedHeaders: authorization.signedHeaders, headerValues: request.headerValues,
                payloadHash: request.body.withUnsafeReadableBytes { SignatureV3.hexSHA256($0) })
            let stringToSign = SignatureV3.stringToSign(canonicalRequest: canonicalRequest)
            guard SignatureV3.signature(stringToSign: stringToSign, secret: key.secret) == authorization.signature.lowercased() else {
                throw .signatureDoesNotMatch(serverStringToSign: stringToSign)
            }
        }
        return (key, nonce, issuedAt)
    }

    private func lookUp(_ accessKeyId: String) throws(APIError) -> AccessKey {
        guard let key = keys.key(for: accessKeyId) else { throw .accessKeyNotFound }
        return key
    }

    private func checkTimestamp(_ text: String) throws(APIError) -> Int64 {
        guard let issuedAt = Timestamp.parse(text) else { throw .timestampMalformed }
        guard abs(issuedAt - Int64(clock.now())) <= Self.timestampWindow else { throw .timestampExpired }
        return issuedAt
    }
}
