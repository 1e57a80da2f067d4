/// What a security group rule does with the traffic it matches.
public enum RulePolicy: String, Sendable, CaseIterable, SQLConvertible {
    case accept = "Accept"
    case drop = "Drop"

    /// `accept` or `drop` in any case.
    public init?(wireValue: String) {
        switch wireValue.lowercased() {
        case "accept": self = .accept
        case "drop": self = .drop
        default: return nil
        }
    }
}
