/// The protocol of a security group rule, as DescribeSecurityGroupAttribute shows it (upper case).
public enum IPProtocol: String, Sendable, CaseIterable, SQLConvertible {
    case tcp = "TCP"
    case udp = "UDP"
    case icmp = "ICMP"
    case gre = "GRE"
    case all = "ALL"

    /// `tcp`, `udp`, `icmp`, `gre` or `all` in any case.
    public init?(wireValue: String) {
        self.init(rawValue: wireValue.uppercased())
    }

    /// Whether the protocol has ports: only TCP and UDP rules name a port range other than `-1/-1`.
    public var hasPorts: Bool { self == .tcp || self == .udp }
}
