import RPCWire

/// The order `java.util.HashMap` (Java 8+) iterates keys in, which the real gateway writes every JSON
/// object in (research: key-order.md): by bucket of `String.hashCode` spread over the capacity, then by
/// insertion. Here only to check the ECS views until RPCWire orders objects itself.
enum HashMapOrder {
    static func hashCode(_ key: String) -> UInt32 {
        key.utf16.reduce(UInt32(0)) { $0 &* 31 &+ UInt32($1) }
    }

    /// `keys` (in insertion order) as the HashMap iterates them.
    static func order(_ keys: [String]) -> [String] {
        var capacity = 16
        while keys.count * 4 > capacity * 3 { capacity *= 2 }
        func bucket(_ key: String) -> UInt32 {
            let h = hashCode(key)
            return (h ^ (h >> 16)) & UInt32(capacity - 1)
        }
        return keys.enumerated().sorted { (bucket($0.element), $0.offset) < (bucket($1.element), $1.offset) }.map(\.element)
    }

    /// Every object of a response (its top level with the `RequestId` the server adds) whose fields are not
    /// in HashMap order, as `path: actual ≠ expected`.
    static func violations(_ response: [ResponseNode.Field]) -> [String] {
        let names = response.map(\.name)
        var found: [String] = []
        let expected = order(["RequestId"] + names).filter { $0 != "RequestId" }
        if expected != names { found.append("$: \(names) ≠ \(expected)") }
        for field in response { found += violations(field.value, path: "$." + field.name) }
        return found
    }

    private static func violations(_ node: ResponseNode, path: String) -> [String] {
        switch node {
        case .object(let fields):
            let names = fields.map(\.name)
            var found = order(names) == names ? [] : ["\(path): \(names) ≠ \(order(names))"]
            for field in fields { found += violations(field.value, path: path + "." + field.name) }
            return found
        case .list(let item, let elements):
            return elements.enumerated().flatMap { violations($0.element, path: "\(path).\(item)[\($0.offset)]") }
        case .string, .integer, .bool:
            return []
        }
    }
}
