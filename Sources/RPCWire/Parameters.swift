/// The parameters of one RPC request (query and form body together), with the flattened-list views the
/// Alibaba RPC style uses: `ResourceId.1`, `Tag.2.Key`, `Filter.1.Value.3`.
///
/// A name sent twice keeps its last value. Lists are 1-based; gaps are closed up in index order.
public struct Parameters: Sendable {
    /// Every pair in arrival order (duplicates included), as the V1 signature covers them.
    public let pairs: [(name: String, value: String)]
    private let values: [String: String]
    private let limits: WireLimits

    public init(_ pairs: [(name: String, value: String)], limits: WireLimits = .standard) {
        self.pairs = pairs
        self.limits = limits
        var values = [String: String](minimumCapacity: pairs.count)
        for pair in pairs { values[pair.name] = pair.value }
        self.values = values
    }

    private init(values: [String: String], limits: WireLimits) {
        self.pairs = values.map { ($0.key, $0.value) }
        self.values = values
        self.limits = limits
    }

    public subscript(name: String) -> String? { values[name] }

    public var isEmpty: Bool { values.isEmpty }

    /// The values of `prefix.1`, `prefix.2`, … in index order: `list("ResourceId")`.
    public func list(_ prefix: String) throws(WireError) -> [String] {
        try indexedList(prefix).map { $0.value }
    }

    /// ``list(_:)`` with the index each value was sent under (for an error that names it).
    public func indexedList(_ prefix: String) throws(WireError) -> [(index: Int, value: String)] {
        try grouped(prefix).compactMap { group in group.rest[""].map { (group.index, $0) } }
    }

    /// The records `prefix.N.*` in index order, each with the `prefix.N.` part removed from its names:
    /// `records("Tag")` gives one `Parameters` per tag holding `Key` and `Value`.
    public func records(_ prefix: String) throws(WireError) -> [Parameters] {
        try indexedRecords(prefix).map { $0.fields }
    }

    /// ``records(_:)`` with the index N each record was sent under (for an error that names it).
    public func indexedRecords(_ prefix: String) throws(WireError) -> [(index: Int, fields: Parameters)] {
        try grouped(prefix).compactMap { group in
            var fields = group.rest
            fields.removeValue(forKey: "")
            return fields.isEmpty ? nil : (group.index, Parameters(values: fields, limits: limits))
        }
    }

    /// Groups `prefix.N` and `prefix.N.rest` by N; the key `""` holds the value of `prefix.N` itself.
    private func grouped(_ prefix: String) throws(WireError) -> [(index: Int, rest: [String: String])] {
        let dotted = prefix + "."
        var groups: [Int: [String: String]] = [:]
        for (name, value) in values where name.hasPrefix(dotted) {
            let tail = name.utf8.dropFirst(dotted.utf8.count)
            let dot = tail.firstIndex(of: UInt8(ascii: "."))
            let indexText = Substring(tail[tail.startIndex..<(dot ?? tail.endIndex)])
            guard let index = Self.listIndex(indexText) else { throw .invalidListIndex(name) }
            guard index <= limits.maxListIndex else { throw .tooLarge("the list index of \"\(name)\" is above \(limits.maxListIndex)") }
            let rest = dot.map { String(Substring(tail[tail.index(after: $0)...])) } ?? ""
            groups[index, default: [:]][rest] = value
        }
        return groups.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    private static func listIndex(_ text: Substring) -> Int? {
        guard !text.isEmpty, text.count <= 6, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text), value >= 1
        else { return nil }
        return value
    }
}
