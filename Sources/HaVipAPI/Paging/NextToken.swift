import Foundation
import HaVipModel
import RPCWire

/// The `NextToken` of ECS token paging: an opaque cursor on a listing's order (creation time, then ID),
/// tamper-evident for the account that got it (a truncated HMAC-SHA1 of the cursor, keyed by the account
/// ID: a checksum against edited or foreign tokens, not a secret).
enum NextToken {
    static func encode(_ cursor: PageCursor, account: AccountID) -> String {
        let payload = hex(withUnsafeBytes(of: cursor.createdAt.bitPattern.bigEndian, Array.init) + Array(cursor.id.utf8))
        return payload + checksum(payload, account: account)
    }

    /// The cursor a token holds, or `InvalidParameter.NextToken`.
    static func decode(_ token: String, account: AccountID) throws(APIError) -> PageCursor {
        let checksumLength = 16
        guard token.utf8.count > 16 + checksumLength, token.utf8.count <= 512, token.utf8.count % 2 == 0 else { throw .nextTokenInvalid }
        let payload = String(token.dropLast(checksumLength))
        guard String(token.suffix(checksumLength)) == checksum(payload, account: account), let bytes = bytes(hex: payload),
            let id = String(bytes: bytes.dropFirst(8), encoding: .utf8)
        else { throw .nextTokenInvalid }
        let bits = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return PageCursor(createdAt: Double(bitPattern: bits), id: id)
    }

    private static func checksum(_ payload: String, account: AccountID) -> String {
        let mac = SignatureV1.signature(stringToSign: payload, secret: "havip NextToken " + account.rawValue)
        return hex(Array(Data(base64Encoded: mac) ?? Data()).prefix(8))
    }

    private static func hex(_ bytes: some Sequence<UInt8>) -> String {
        bytes.map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined()
    }

    private static func bytes(hex text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(index, offsetBy: 2)
            guard let byte = UInt8(text[index..<next], radix: 16) else { return nil }
            bytes.append(byte)
            index = next
        }
        return bytes
    }
}
