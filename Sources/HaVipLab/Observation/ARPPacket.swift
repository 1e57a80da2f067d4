/// An Ethernet/IPv4 ARP packet (RFC 826), without its Ethernet header: what a packet socket of type SOCK_DGRAM reads
/// and writes.
struct ARPPacket: Equatable, Sendable {
    enum Operation: UInt16, Sendable {
        case request = 1
        case reply = 2
    }

    var operation: Operation
    var senderMAC: [UInt8]
    var senderAddress: LabIPv4
    var targetMAC: [UInt8]
    var targetAddress: LabIPv4

    static let length = 28

    init(operation: Operation, senderMAC: [UInt8], senderAddress: LabIPv4, targetMAC: [UInt8], targetAddress: LabIPv4) {
        self.operation = operation
        self.senderMAC = senderMAC
        self.senderAddress = senderAddress
        self.targetMAC = targetMAC
        self.targetAddress = targetAddress
    }

    /// A gratuitous ARP request: "`address` is at `mac`", sender and target both the address, as keepalived sends them.
    static func gratuitous(address: LabIPv4, mac: [UInt8]) -> ARPPacket {
        ARPPacket(operation: .request, senderMAC: mac, senderAddress: address, targetMAC: [0, 0, 0, 0, 0, 0], targetAddress: address)
    }

    /// Parses Ethernet (hardware type 1, 6-byte addresses) / IPv4 (0x0800, 4-byte) requests and replies; nil for anything else.
    init?(_ bytes: some Collection<UInt8>) {
        let b = Array(bytes)
        guard b.count >= Self.length, b[0] == 0, b[1] == 1, b[2] == 0x08, b[3] == 0x00, b[4] == 6, b[5] == 4,
            let operation = Operation(rawValue: UInt16(b[6]) << 8 | UInt16(b[7]))
        else { return nil }
        func address(_ at: Int) -> LabIPv4 { LabIPv4(b[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) }) }
        self.init(
            operation: operation, senderMAC: Array(b[8..<14]), senderAddress: address(14), targetMAC: Array(b[18..<24]),
            targetAddress: address(24))
    }

    var bytes: [UInt8] {
        [0, 1, 0x08, 0x00, 6, 4, UInt8(operation.rawValue >> 8), UInt8(operation.rawValue & 0xFF)]
            + senderMAC + senderAddress.bytes + targetMAC + targetAddress.bytes
    }

    /// `00:16:3e:01:02:03` as six bytes.
    static func mac(_ text: String) -> [UInt8]? {
        let bytes = text.split(separator: ":").compactMap { UInt8($0, radix: 16) }
        return bytes.count == 6 ? bytes : nil
    }
}
