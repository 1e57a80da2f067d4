/// One setting of the emulator shared by every node through the store (the transition mode, the faults'
/// generation), as text under a key.
public struct ControlSetting: Equatable, Sendable {
    public var key: String
    public var account: AccountID
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.account = .emulator
        self.value = value
    }
}

extension ControlSetting: StoredRecord {
    public static let column = Columns()
    public static let schema = RecordSchema(table: "control_settings", columns: column, blank: ControlSetting(key: "", value: ""))

    /// The columns of `control_settings`.
    public final class Columns: Sendable {
        public let key = Column(\ControlSetting.key, "key")
        public let account = Column(\ControlSetting.account, "account")
        public let value = Column(\ControlSetting.value, "value")
    }
}

extension ControlSetting {
    /// The setting's value, or nil when it was never set.
    static func value(_ key: String, _ tx: some StoreTransaction, forUpdate: Bool = false) throws -> String? {
        try tx.fetch(ControlSetting.self, key, account: .emulator, forUpdate: forUpdate)?.value
    }

    static func set(_ key: String, _ value: String, _ tx: some StoreTransaction) throws {
        if try tx.fetch(ControlSetting.self, key, account: .emulator, forUpdate: true) != nil {
            try tx.update(ControlSetting(key: key, value: value))
        } else {
            try tx.insert(ControlSetting(key: key, value: value))
        }
    }
}
