/// The network a security group rule applies to: the internal one (`intranet`, the only one a VPC group
/// has) or the classic network's public one (`internet`).
public enum NicType: String, Sendable, CaseIterable, SQLConvertible {
    case intranet
    case internet
}
