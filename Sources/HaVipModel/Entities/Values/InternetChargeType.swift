/// How an elastic IP address's traffic is billed.
public enum InternetChargeType: String, Sendable, CaseIterable, SQLConvertible {
    case payByBandwidth = "PayByBandwidth"
    case payByTraffic = "PayByTraffic"
}
