/// The naming and tagging rules shared by every resource.
public enum Validation {
    /// A name: 1-128 characters, not starting with `http://` or `https://`. Nil (absent) is allowed.
    public static func name(_ value: String?, maxLength: Int = 128, error: APIError) throws(APIError) -> String {
        guard let value else { return "" }
        guard (1...maxLength).contains(value.count), !startsWithURL(value) else { throw error }
        return value
    }

    /// A description: 1-256 characters, not starting with `http://` or `https://`.
    public static func description(_ value: String?, error: APIError = .descriptionMalformed) throws(APIError) -> String {
        guard let value else { return "" }
        guard (1...256).contains(value.count), !startsWithURL(value) else { throw error }
        return value
    }

    static func startsWithURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A tag key: 1-128 characters, not starting with `aliyun` or `acs:`, no `http://` or `https://` in it.
    public static func tagKey(_ key: String) throws(APIError) -> String {
        let lower = key.lowercased()
        guard (1...128).contains(key.count), !lower.hasPrefix("aliyun"), !lower.hasPrefix("acs:"), !lower.contains("http://"),
            !lower.contains("https://")
        else { throw .tagKeyInvalid }
        return key
    }

    /// A tag value: 0-128 characters, with the same prefix and content rules as keys.
    public static func tagValue(_ value: String) throws(APIError) -> String {
        let lower = value.lowercased()
        guard value.count <= 128, !lower.hasPrefix("aliyun"), !lower.hasPrefix("acs:"), !lower.contains("http://"),
            !lower.contains("https://")
        else { throw .tagValueInvalid }
        return value
    }

    /// Tags as `(key, value)` pairs: at most 20, keys valid and distinct.
    public static func tags(_ pairs: [(key: String?, value: String?)], maxCount: Int = 20) throws(APIError) -> [(key: String, value: String)] {
        guard pairs.count <= maxCount else { throw .tagCountExceeded }
        var seen = Set<String>()
        var tags: [(key: String, value: String)] = []
        for pair in pairs {
            guard let key = pair.key, !key.isEmpty else { throw .missingParameter("Tag.N.Key") }
            let checked = try tagKey(key)
            guard seen.insert(checked).inserted else { throw .tagKeyDuplicated }
            tags.append((checked, try tagValue(pair.value ?? "")))
        }
        return tags
    }
}
