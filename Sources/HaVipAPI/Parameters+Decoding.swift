import HaVipModel
import RPCWire

/// Typed reads of request parameters that throw the catalogue's errors.
extension Parameters {
    /// A value that must be present and non-empty.
    public func required(_ name: String) throws(APIError) -> String {
        guard let value = self[name], !value.isEmpty else { throw .missingParameter(name) }
        return value
    }

    /// A value, or nil when absent or empty.
    public func optional(_ name: String) -> String? {
        guard let value = self[name], !value.isEmpty else { return nil }
        return value
    }

    /// A decimal integer in `range`, or `defaultValue` when absent.
    public func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let text = optional(name) else { return defaultValue }
        guard text.utf8.count <= 10, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text), range.contains(value)
        else { throw .invalidParameter(name) }
        return value
    }

    /// `true`/`false` in any case, or `defaultValue` when absent.
    public func boolean(_ name: String, default defaultValue: Bool) throws(APIError) -> Bool {
        guard let text = optional(name) else { return defaultValue }
        switch text.lowercased() {
        case "true": return true
        case "false": return false
        default: throw .invalidParameter(name)
        }
    }

    /// A closed set of values by their exact wire text, `defaultValue` when absent, `error` for another text.
    func wireValue<Value: RawRepresentable<String>>(_ name: String, default defaultValue: Value, error: APIError) throws(APIError) -> Value {
        guard let text = optional(name) else { return defaultValue }
        guard let value = Value(rawValue: text) else { throw error }
        return value
    }

    /// A closed set of values by their exact wire text, nil when absent, `error` for another text.
    func wireValue<Value: RawRepresentable<String>>(_ name: String, error: APIError) throws(APIError) -> Value? {
        guard let text = optional(name) else { return nil }
        guard let value = Value(rawValue: text) else { throw error }
        return value
    }

    /// A non-negative decimal integer, nil when absent, `error` when it is not one.
    func number(_ name: String, error: APIError) throws(APIError) -> Int? {
        guard let text = optional(name) else { return nil }
        guard text.utf8.count <= 9, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else { throw error }
        return value
    }

    /// A filter on a closed set of values: nil for absent or `all` (any case), `error` for an unknown text.
    func allOr<Value: RawRepresentable<String> & CaseIterable>(_ name: String, error: APIError) throws(APIError) -> Value? {
        guard let text = optional(name), text.lowercased() != "all" else { return nil }
        guard let value = Value.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else { throw error }
        return value
    }

    /// A value from a fixed set (exactly as spelled), nil when absent, `error` otherwise.
    func oneOf(_ name: String, _ allowed: Set<String>, error: APIError) throws(APIError) -> String? {
        guard let value = optional(name) else { return nil }
        guard allowed.contains(value) else { throw error }
        return value
    }

    /// The region named by `RegionId`: `MissingParameter` when absent, `InvalidRegionId.NotFound` when unknown.
    public func region(_ name: String = "RegionId") throws(APIError) -> Region {
        try Region.checked(required(name))
    }

    /// `list(prefix)` with encoding errors mapped to the catalogue.
    public func values(_ prefix: String) throws(APIError) -> [String] {
        do { return try list(prefix) } catch { throw APIError(error) }
    }

    /// `records(prefix)` with encoding errors mapped to the catalogue.
    public func entries(_ prefix: String) throws(APIError) -> [Parameters] {
        do { return try records(prefix) } catch { throw APIError(error) }
    }

    /// `indexedRecords(prefix)` with encoding errors mapped to the catalogue.
    public func indexedEntries(_ prefix: String) throws(APIError) -> [(index: Int, fields: Parameters)] {
        do { return try indexedRecords(prefix) } catch { throw APIError(error) }
    }

    /// `indexedList(prefix)` with encoding errors mapped to the catalogue.
    public func indexedValues(_ prefix: String) throws(APIError) -> [(index: Int, value: String)] {
        do { return try indexedList(prefix) } catch { throw APIError(error) }
    }
}

extension Region {
    /// The region with this ID, or `InvalidRegionId.NotFound`.
    public static func checked(_ id: String) throws(APIError) -> Region {
        guard let region = find(id) else { throw .regionNotFound }
        return region
    }
}
