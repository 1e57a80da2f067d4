/// An IPv4 address as a 32-bit number.
public struct IPv4Address: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: UInt32

    public init(_ value: UInt32) {
        self.value = value
    }

    /// Strict dotted-quad parsing: four decimal parts 0-255, no leading zeros, nothing else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber),
                part == "0" || part.first != "0", let octet = UInt32(part), octet <= 255
            else { return nil }
            value = value << 8 | octet
        }
        self.value = value
    }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xFF).\(value >> 8 & 0xFF).\(value & 0xFF)"
    }

    public static func < (lhs: IPv4Address, rhs: IPv4Address) -> Bool { lhs.value < rhs.value }
}

/// An IPv4 CIDR block such as `192.168.0.0/24`.
public struct IPv4CIDR: Hashable, Sendable, CustomStringConvertible {
    public let network: IPv4Address
    public let prefixLength: Int

    /// Strict parsing: the address must be the network address of the block (`192.168.0.1/24` is refused).
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let address = IPv4Address(String(parts[0])), parts[1].allSatisfy(\.isNumber),
            parts[1].count <= 2, parts[1] == "0" || parts[1].first != "0", let length = Int(parts[1]), (0...32).contains(length)
        else { return nil }
        let cidr = IPv4CIDR(network: address, prefixLength: length)
        guard cidr.network == address else { return nil }
        self = cidr
    }

    /// The block of `prefixLength` bits that holds `address` (host bits cleared).
    public init(network address: IPv4Address, prefixLength: Int) {
        self.prefixLength = prefixLength
        self.network = IPv4Address(address.value & Self.mask(prefixLength))
    }

    static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : UInt32.max << (32 - length) }

    public var first: IPv4Address { network }
    public var last: IPv4Address { IPv4Address(network.value | ~Self.mask(prefixLength)) }
    public var size: UInt64 { UInt64(1) << (32 - prefixLength) }

    public func contains(_ address: IPv4Address) -> Bool { address.value & Self.mask(prefixLength) == network.value }

    public func contains(_ other: IPv4CIDR) -> Bool { other.prefixLength >= prefixLength && contains(other.network) }

    public func overlaps(_ other: IPv4CIDR) -> Bool { contains(other.network) || other.contains(network) }

    public var description: String { "\(network)/\(prefixLength)" }

    /// The addresses a vSwitch hands out: all but the first and the last three, which Alibaba Cloud reserves.
    public var usableRange: ClosedRange<UInt32>? {
        guard size > 4 else { return nil }
        return (first.value + 1)...(last.value - 3)
    }

    /// Whether the address is one of the four a vSwitch reserves.
    public func isReserved(_ address: IPv4Address) -> Bool {
        contains(address) && !(usableRange?.contains(address.value) ?? false)
    }
}
