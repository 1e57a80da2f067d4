/// An Alibaba Cloud account: every resource and every query is scoped by one.
public struct AccountID: Hashable, Sendable, CustomStringConvertible {
    public let rawValue: String

    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}

/// An AccessKey pair and the account it belongs to.
public struct AccessKey: Sendable, Equatable {
    public let id: String
    public let secret: String
    public let account: AccountID

    public init(id: String, secret: String, account: AccountID? = nil) {
        self.id = id
        self.secret = secret
        self.account = account ?? AccountID(id)
    }

    /// The key configured when no `--access-key` is given, printed at start-up.
    public static let development = AccessKey(id: "havip-dev-key", secret: "havip-dev-secret")
}

/// How requests are authenticated.
public enum AuthMode: String, Sendable, CaseIterable {
    /// Every signature is verified against the configured keys.
    case strict
    /// Any AccessKeyId is accepted without checking its signature; each key id is its own account.
    case permissive
}

/// The configured keys, looked up by AccessKeyId.
public struct KeyRing: Sendable {
    public let mode: AuthMode
    private let keys: [String: AccessKey]

    /// The first configured key's account (the development key's, when none is): where the control API
    /// makes a world document that names no account.
    public let defaultAccount: AccountID

    public init(keys: [AccessKey], mode: AuthMode) {
        self.mode = mode
        self.defaultAccount = keys.first?.account ?? AccessKey.development.account
        self.keys = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { _, last in last })
    }

    /// The key for `id`, or nil when strict mode does not know it. In permissive mode an unknown key is
    /// returned with an empty secret and its own id as the account.
    public func key(for id: String) -> AccessKey? {
        if let key = keys[id] { return key }
        return mode == .permissive ? AccessKey(id: id, secret: "") : nil
    }

    /// The configured keys' accounts, each once, in order.
    public var accounts: [AccountID] { Set(keys.values.map(\.account)).sorted { $0.rawValue < $1.rawValue } }

    /// Whether signatures are checked at all (never in permissive mode, where a configured key still maps
    /// to its configured account).
    public var verifiesSignatures: Bool { mode == .strict }
}
