/// An IPv4 address as the lab needs it: parsed from the store's dotted text, compared, printed for `ip` and `nft`.
struct LabIPv4: Hashable, Comparable, Sendable, CustomStringConvertible {
    var value: UInt32

    init(_ value: UInt32) { self.value = value }

    /// Four decimal octets, nothing else.
    init?(_ text: some StringProtocol) {
        let octets = text.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4 else { return nil }
        var value: UInt32 = 0
        for octet in octets {
            guard (1...3).contains(octet.count), octet.allSatisfy(\.isASCII), let byte = UInt8(octet) else { return nil }
            value = value << 8 | UInt32(byte)
        }
        self.value = value
    }

    /// The four bytes in network order, as ARP carries them.
    var bytes: [UInt8] { [UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)] }

    var description: String { bytes.map(String.init).joined(separator: ".") }

    static func < (lhs: LabIPv4, rhs: LabIPv4) -> Bool { lhs.value < rhs.value }
}

/// A vSwitch's block: its prefix length for interface addresses, and the reserved address the lab's client takes.
struct LabCIDR: Hashable, Sendable, CustomStringConvertible {
    var network: LabIPv4
    var prefixLength: Int

    /// `a.b.c.d/n` with no host bits set, and room for the four addresses a vSwitch reserves and one more.
    init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let network = LabIPv4(parts[0]), parts[1].allSatisfy(\.isASCII), let length = Int(parts[1]),
            (0...29).contains(length)
        else { return nil }
        guard network.value & ~Self.mask(length) == 0 else { return nil }
        self.network = network
        self.prefixLength = length
    }

    private static func mask(_ length: Int) -> UInt32 { length == 0 ? 0 : UInt32.max << (32 - length) }

    func contains(_ address: LabIPv4) -> Bool { address.value & Self.mask(prefixLength) == network.value }

    func overlaps(_ other: LabCIDR) -> Bool { contains(other.network) || other.contains(network) }

    private var last: UInt32 { network.value | ~Self.mask(prefixLength) }

    /// The third address from the end (`.253` in a /24): the one Alibaba Cloud's vRouter answers as the vSwitch's gateway,
    /// reserved, so no instance, ENI or HaVip ever has it. The lab's client namespace takes it.
    var clientAddress: LabIPv4 { LabIPv4(last - 2) }

    var description: String { "\(network)/\(prefixLength)" }
}
