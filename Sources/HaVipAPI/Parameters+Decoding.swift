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
}

extension Region {
    /// The region with this ID, or `InvalidRegionId.NotFound`.
    public static func checked(_ id: String) throws(APIError) -> Region {
        guard let region = find(id) else { throw .regionNotFound }
        return region
    }
}
