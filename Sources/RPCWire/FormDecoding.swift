/// Decodes `application/x-www-form-urlencoded` text (a query string or a form body): pairs split on `&`,
/// name and value on the first `=`, `+` is a space, `%XX` is a byte, and the bytes must be UTF-8.
public enum FormDecoding {
    /// Appends the decoded pairs of `bytes` to `pairs`, in the order they were sent.
    public static func decode(
        _ bytes: some Collection<UInt8>,
        into pairs: inout [(name: String, value: String)],
        limits: WireLimits = .standard
    ) throws(WireError) {
        // Decoding works on contiguous bytes (a query string's UTF-8 or a body usually are): a generic
        // collection walked byte by byte costs more than the rest of the request.
        var outcome: Result<Void, WireError>?
        _ = bytes.withContiguousStorageIfAvailable { buffer in
            outcome = Result { () throws(WireError) in try decode(buffer: buffer, into: &pairs, limits: limits) }
        }
        if outcome == nil {
            Array(bytes).withUnsafeBufferPointer { buffer in
                outcome = Result { () throws(WireError) in try decode(buffer: buffer, into: &pairs, limits: limits) }
            }
        }
        try outcome?.get()
    }

    private static func decode(
        buffer bytes: UnsafeBufferPointer<UInt8>, into pairs: inout [(name: String, value: String)], limits: WireLimits
    ) throws(WireError) {
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            let field = UnsafeBufferPointer(rebasing: bytes[start..<end])
            start = end + 1
            if field.isEmpty { continue }
            var equals = 0
            while equals < field.count && field[equals] != UInt8(ascii: "=") { equals += 1 }
            if equals == 0 { continue }
            guard pairs.count < limits.maxParameters else {
                throw .tooLarge("more than \(limits.maxParameters) parameters")
            }
            let name = try decodeComponent(UnsafeBufferPointer(rebasing: field[0..<equals]), limits: limits)
            let rawValue = equals < field.count ? UnsafeBufferPointer(rebasing: field[(equals + 1)...]) : UnsafeBufferPointer(rebasing: field[field.count...])
            let value = try decodeComponent(rawValue, limits: limits, name: name)
            pairs.append((name, value))
        }
    }

    static func decodeComponent(_ raw: UnsafeBufferPointer<UInt8>, limits: WireLimits, name: String? = nil) throws(WireError) -> String {
        if raw.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(raw.count)
            var index = 0
            while index < raw.count {
                let byte = raw[index]
                switch byte {
                case UInt8(ascii: "+"):
                    bytes.append(UInt8(ascii: " "))
                case UInt8(ascii: "%"):
                    guard index + 2 < raw.count, let high = hexValue(raw[index + 1]), let low = hexValue(raw[index + 2]) else {
                        throw .malformed("broken percent-encoding in \(describe(name))")
                    }
                    bytes.append(high << 4 | low)
                    index += 2
                default:
                    bytes.append(byte)
                }
                index += 1
            }
            return try bytes.withUnsafeBufferPointer { buffer throws(WireError) in try text(buffer, limits: limits, name: name) }
        }
        return try text(raw, limits: limits, name: name)
    }

    /// The decoded bytes as a string, within the limits.
    private static func text(_ bytes: UnsafeBufferPointer<UInt8>, limits: WireLimits, name: String?) throws(WireError) -> String {
        if bytes.count > limits.maxValueBytes {
            throw .tooLarge("\(describe(name)) is longer than \(limits.maxValueBytes) bytes")
        }
        // `String(decoding:)` replaces invalid UTF-8, so the text is valid exactly when it kept every byte.
        // (`String(validating:)` takes a generic path whose metadata lookups cost 2% of a request.)
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.allSatisfy({ $0 < 0x80 }) || text.utf8.elementsEqual(bytes) else {
            throw .malformed("\(describe(name)) is not valid UTF-8")
        }
        // Control characters (NUL, U+0001…) cannot be stored by every database nor written in XML; tab,
        // line feed and carriage return are text.
        if bytes.contains(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }) {
            throw .malformed("\(describe(name)) contains a control character")
        }
        return text
    }

    private static func describe(_ name: String?) -> String {
        name.map { "the value of \"\($0)\"" } ?? "a parameter name"
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
