/// Decodes `application/x-www-form-urlencoded` text (a query string or a form body): pairs split on `&`,
/// name and value on the first `=`, `+` is a space, `%XX` is a byte, and the bytes must be UTF-8.
public enum FormDecoding {
    /// Appends the decoded pairs of `bytes` to `pairs`, in the order they were sent.
    public static func decode(
        _ bytes: some Collection<UInt8>,
        into pairs: inout [(name: String, value: String)],
        limits: WireLimits = .standard
    ) throws(WireError) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: UInt8(ascii: "&")) ?? bytes.endIndex
            let field = bytes[start..<end]
            start = end < bytes.endIndex ? bytes.index(after: end) : end
            if field.isEmpty { continue }
            let equals = field.firstIndex(of: UInt8(ascii: "="))
            let rawName = field[field.startIndex..<(equals ?? field.endIndex)]
            let rawValue = equals.map { field[field.index(after: $0)...] } ?? field[field.endIndex...]
            if rawName.isEmpty { continue }
            guard pairs.count < limits.maxParameters else {
                throw .tooLarge("more than \(limits.maxParameters) parameters")
            }
            let name = try decodeComponent(rawName, limits: limits)
            let value = try decodeComponent(rawValue, limits: limits, name: name)
            pairs.append((name, value))
        }
    }

    static func decodeComponent(_ raw: some Collection<UInt8>, limits: WireLimits, name: String? = nil) throws(WireError) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        var index = raw.startIndex
        while index < raw.endIndex {
            let byte = raw[index]
            switch byte {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                let high = raw.index(after: index)
                guard high < raw.endIndex, let highValue = hexValue(raw[high]) else {
                    throw .malformed("broken percent-encoding in \(name.map { "the value of \"\($0)\"" } ?? "a parameter name")")
                }
                let low = raw.index(after: high)
                guard low < raw.endIndex, let lowValue = hexValue(raw[low]) else {
                    throw .malformed("broken percent-encoding in \(name.map { "the value of \"\($0)\"" } ?? "a parameter name")")
                }
                bytes.append(highValue << 4 | lowValue)
                index = low
            default:
                bytes.append(byte)
            }
            index = raw.index(after: index)
        }
        if bytes.count > limits.maxValueBytes {
            throw .tooLarge("\(name.map { "the value of \"\($0)\"" } ?? "a parameter name") is longer than \(limits.maxValueBytes) bytes")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .malformed("\(name.map { "the value of \"\($0)\"" } ?? "a parameter name") is not valid UTF-8")
        }
        // Control characters (NUL, U+0001…) cannot be stored by every database nor written in XML; tab,
        // line feed and carriage return are text.
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw .malformed("\(name.map { "the value of \"\($0)\"" } ?? "a parameter name") contains a control character")
        }
        return text
    }

    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
