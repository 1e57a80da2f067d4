/// Renders a response tree as XML: a declaration, then `<root>` holding one element per field; a wrapped
/// list is a container element holding one element per item.
public enum XMLRenderer {
    public static func render(_ fields: [ResponseNode.Field], root: String) -> [UInt8] {
        var out: [UInt8] = Array(#"<?xml version="1.0" encoding="UTF-8"?>"#.utf8)
        out.reserveCapacity(1024)
        appendElement(root, .object(fields), to: &out)
        return out
    }

    static func appendElement(_ name: String, _ node: ResponseNode, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "<"))
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
        switch node {
        case .string(let text):
            appendEscaped(text, to: &out)
        case .integer(let value):
            out.append(contentsOf: String(value).utf8)
        case .bool(let value):
            out.append(contentsOf: (value ? "true" : "false").utf8)
        case .object(let fields):
            for field in fields { appendElement(field.name, field.value, to: &out) }
        case .list(let item, let elements):
            for element in elements { appendElement(item, element, to: &out) }
        }
        out.append(contentsOf: "</".utf8)
        out.append(contentsOf: name.utf8)
        out.append(UInt8(ascii: ">"))
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&apos;".utf8)
            default: out.append(byte)
            }
        }
    }
}
