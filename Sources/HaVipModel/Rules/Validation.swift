import Foundation

/// The naming and tagging rules shared by every resource.
public enum Validation {
    /// A name: 1-128 characters, not starting with `http://` or `https://`. Nil (absent) is allowed.
    public static func name(_ value: String?, maxLength: Int = 128, error: APIError) throws(APIError) -> String {
        guard let value else { return "" }
        guard (1...maxLength).contains(value.count), !startsWithURL(value) else { throw error }
        return value
    }

    /// A description: `minLength` (1 for VPC resources, 2 for ECS ones) to 256 characters, not starting
    /// with `http://` or `https://`.
    public static func description(_ value: String?, minLength: Int = 1, error: APIError = .descriptionMalformed) throws(APIError) -> String {
        guard let value else { return "" }
        guard (minLength...256).contains(value.count), !startsWithURL(value) else { throw error }
        return value
    }

    /// A Linux host name: 2-64 characters in dot-separated segments of letters, digits and hyphens, with no
    /// consecutive dots or hyphens and neither at either end.
    public static func hostName(_ value: String) throws(APIError) -> String {
        let allowed = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") }
        guard (2...64).contains(value.count), allowed, !value.contains(".."), !value.contains("--"), !value.contains(".-"),
            !value.contains("-."), let first = value.first, let last = value.last, first != ".", first != "-", last != ".", last != "-"
        else { throw .hostNameMalformed }
        return value
    }

    /// User data as given: at most 16 KiB once Base64-decoded (its raw size when it is not Base64).
    public static func userData(_ value: String) throws(APIError) -> String {
        let size = Data(base64Encoded: value)?.count ?? value.utf8.count
        guard size <= 16 * 1024 else { throw .userDataTooLarge }
        return value
    }

    /// An instance password: 8-30 characters with at least three of upper case, lower case, digits and
    /// the special characters ``()`~!@#$%^&*-_+=|{}[]:;'<>,.?/``. Checked, never kept.
    public static func password(_ value: String) throws(APIError) {
        let specials = Set("()`~!@#$%^&*-_+=|{}[]:;'<>,.?/")
        let kinds = [
            value.contains { $0.isASCII && $0.isUppercase }, value.contains { $0.isASCII && $0.isLowercase },
            value.contains { $0.isASCII && $0.isNumber }, value.contains { specials.contains($0) },
        ]
        let allowed = value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || specials.contains($0)) }
        guard (8...30).contains(value.count), allowed, kinds.filter({ $0 }).count >= 3 else { throw .passwordMalformed }
    }

    static func startsWithURL(_ value: String) -> Bool {
        let lower = value.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// A tag key: 1-128 characters, not starting with `aliyun` or `acs:`, no `http://` or `https://` in it.
    public static func tagKey(_ key: String, errors: TagErrors = .vpc) throws(APIError) -> String {
        let lower = key.lowercased()
        guard (1...128).contains(key.count), !lower.hasPrefix("aliyun"), !lower.hasPrefix("acs:"), !lower.contains("http://"),
            !lower.contains("https://")
        else { throw errors.keyInvalid }
        return key
    }

    /// A tag value: 0-128 characters, with the same prefix and content rules as keys.
    public static func tagValue(_ value: String, errors: TagErrors = .vpc) throws(APIError) -> String {
        let lower = value.lowercased()
        guard value.count <= 128, !lower.hasPrefix("aliyun"), !lower.hasPrefix("acs:"), !lower.contains("http://"),
            !lower.contains("https://")
        else { throw errors.valueInvalid }
        return value
    }

    /// Tags as `(key, value)` pairs: at most 20, keys valid and distinct.
    public static func tags(
        _ pairs: [(key: String?, value: String?)], maxCount: Int = 20, errors: TagErrors = .vpc
    ) throws(APIError) -> [(key: String, value: String)] {
        guard pairs.count <= maxCount else { throw errors.tooMany }
        var seen = Set<String>()
        var tags: [(key: String, value: String)] = []
        for pair in pairs {
            guard let key = pair.key, !key.isEmpty else { throw .missingParameter("Tag.N.Key") }
            let checked = try tagKey(key, errors: errors)
            guard seen.insert(checked).inserted else { throw errors.duplicated }
            tags.append((checked, try tagValue(pair.value ?? "", errors: errors)))
        }
        return tags
    }
}

/// The codes a product answers for bad tags: VPC and ECS spell the same rules differently.
public struct TagErrors: Sendable {
    public let keyInvalid: APIError
    public let valueInvalid: APIError
    public let duplicated: APIError
    public let tooMany: APIError
    /// A resource would carry more tags than it may.
    public let quotaExceeded: APIError
}
