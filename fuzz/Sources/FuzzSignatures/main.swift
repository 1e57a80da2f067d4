import FuzzSupport
import RPCWire

/// Signature parsing and the strings both signature versions sign. The first line is an `Authorization`
/// header; the rest is a form whose pairs are the query, whose first pair names the method and path.
/// A parsed header renders back to itself; the builders accept anything without failing. (Checks compare
/// UTF-8 bytes: as Characters, a "\r" before the separator "\n" would merge with it.)
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSignatures(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    withFuzzInput(data, size) { bytes in
        let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        let header = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<newline]), as: UTF8.self)
        let rest = newline < bytes.endIndex ? UnsafeBufferPointer(rebasing: bytes[(newline + 1)...]) : UnsafeBufferPointer(rebasing: bytes[bytes.endIndex...])

        let authorization = SignatureV3.Authorization(header: header)
        if let authorization {
            fuzzCheck(!authorization.accessKeyId.isEmpty && !authorization.signature.isEmpty, "an empty credential or signature")
            fuzzCheck(SignatureV3.Authorization(header: authorization.headerValue) == authorization, "the header does not render back")
        }

        var pairs: [(name: String, value: String)] = []
        guard (try? FormDecoding.decode(rest, into: &pairs)) != nil else { return }
        let method = pairs.first?.name ?? "GET"
        let path = pairs.first?.value ?? "/"
        let signedHeaders = authorization?.signedHeaders ?? pairs.map { $0.name.lowercased() }
        let canonical = SignatureV3.canonicalRequest(
            method: method, path: path, query: pairs, signedHeaders: signedHeaders,
            headerValues: { name in pairs.filter { $0.name.lowercased() == name }.map(\.value) },
            payloadHash: SignatureV3.emptyPayloadHash)
        fuzzCheck(canonical.utf8.starts(with: (method + "\n").utf8), "the canonical request does not start with the method")
        fuzzCheck(canonical.utf8.reversed().starts(with: ("\n" + SignatureV3.emptyPayloadHash).utf8.reversed()), "the canonical request does not end with the payload hash")
        let stringToSign = SignatureV3.stringToSign(canonicalRequest: canonical)
        fuzzCheck(stringToSign.utf8.count == SignatureV3.algorithm.utf8.count + 1 + 64, "a V3 string to sign of the wrong length")

        let v1 = SignatureV1.stringToSign(method: method, parameters: pairs)
        fuzzCheck(v1.utf8.starts(with: (method + "&%2F&").utf8), "the V1 string to sign does not start with the method")
        fuzzCheck(v1 == String(decoding: SignatureV1.stringToSignBytes(method: method, parameters: pairs), as: UTF8.self), "V1 text and bytes differ")
        fuzzCheck(!SignatureV1.signature(stringToSign: v1, secret: header).isEmpty, "an empty V1 signature")
    }
    return 0
}
