/// Renders a response tree as compact JSON, wrapped lists as `{"Item": [...]}`.
public enum JSONRenderer {
    public static func render(_ fields: [ResponseNode.Field]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        appendObject(fields, to: &out)
        return out
    }

    static func append(_ node: ResponseNode, to out: inout [UInt8]) {
        switch node {
        case .string(let text):
            appendString(text, to: &out)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .object(let fields):
            appendObject(fields, to: &out)
        case .list(let item, let elements):
            out.append(UInt8(ascii: "{"))
            appendString(item, to: &out)
            out.append(contentsOf: ":[".utf8)
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out.append(UInt8(ascii: ",")) }
                append(element, to: &out)
            }
            out.append(contentsOf: "]}".utf8)
        }
    }

    static func appendObject(_ fields: [ResponseNode.Field], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        for (offset, field) in fields.enumerated() {
            if offset > 0 { out.append(UInt8(ascii: ",")) }
            appendString(field.name, to: &out)
            out.append(UInt8(ascii: ":"))
            append(field.value, to: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func appendString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Native strings lend their UTF-8 without a copy; other strings (bridged, shared) are copied once.
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, to: &out) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0, to: &out) }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        // Most strings (IDs, addresses, names) need no escaping: copied in one go.
        guard needsEscaping(bytes) else {
            out.append(contentsOf: bytes)
            return
        }
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
    }

    /// Whether any byte is a control character, `"` or `\`: eight bytes at a time ("Bit Twiddling
    /// Hacks": a byte below n, a zero byte), the tail one by one.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let control = (word &- ones &* 0x20) & ~word
            let zeroQuote = (quote &- ones) & ~quote
            let zeroBackslash = (backslash &- ones) & ~backslash
            if (control | zeroQuote | zeroBackslash) & highs != 0 { return true }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return true }
            index += 1
        }
        return false
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
