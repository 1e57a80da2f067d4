import ArgumentParser
import HaVipModel

/// `--access-key ID:SECRET[:ACCOUNT]`; the account defaults to the key id.
extension AccessKey: ExpressibleByArgument {
    /// Nil when a part is empty or missing.
    public init?(argument: String) {
        let parts = argument.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        self.init(id: parts[0], secret: parts[1], account: parts.count == 3 ? AccountID(parts[2]) : nil)
    }
}
