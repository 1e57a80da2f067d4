#if os(Linux)
import CHaVipLab
import Foundation
import Glibc

/// Runs code inside a network namespace: on a new thread that joins it with setns(2), so no other thread (and none of
/// Swift's cooperative pool) ever leaves the host's namespace. Sockets opened there stay in that namespace for good.
enum NetworkNamespace {
    static func run<T: Sendable>(in path: String, _ body: @escaping @Sendable () -> Result<T, LabError>) async throws(LabError) -> T {
        let result: Result<T, LabError> = await withCheckedContinuation { continuation in
            let thread = Thread {
                let descriptor = open(path, O_RDONLY | O_CLOEXEC)
                guard descriptor >= 0 else {
                    continuation.resume(returning: .failure(.systemCall("open(\(path))", errno: errno)))
                    return
                }
                defer { close(descriptor) }
                guard havip_join_network_namespace(descriptor) == 0 else {
                    continuation.resume(returning: .failure(.systemCall("setns(\(path))", errno: errno)))
                    return
                }
                continuation.resume(returning: body())
            }
            thread.start()
        }
        return try result.get()
    }
}

/// An AF_PACKET socket for ARP (SOCK_DGRAM: the kernel strips and adds the Ethernet header), hand-written on Glibc:
/// swift-nio and swift-subprocess have no packet sockets, and `arping` differs between Debian's two packages of it.
final class PacketSocket: Sendable {
    private let descriptor: Int32

    /// What one read returned.
    struct Received: Sendable {
        var bytes: [UInt8]
        var interfaceIndex: Int32
        /// `PACKET_HOST`, `PACKET_BROADCAST`, … or `PACKET_OUTGOING` for a copy of what this host sent.
        var packetType: UInt8

        var isOutgoing: Bool { packetType == UInt8(PACKET_OUTGOING) }
    }

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// A socket that receives every ARP packet arriving on any interface of the namespace at `path`.
    ///
    /// It listens to every protocol (ETH_P_ALL) because only such taps see a frame on a bridge port before the bridge
    /// takes it; a classic BPF filter in the kernel passes on ARP arriving from outside and nothing else.
    static func openARPListener(inNamespace path: String) async throws(LabError) -> PacketSocket {
        try await NetworkNamespace.run(in: path) { () -> Result<PacketSocket, LabError> in
            let descriptor = socket(AF_PACKET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Int32(UInt16(ETH_P_ALL).bigEndian))
            guard descriptor >= 0 else { return .failure(.systemCall("socket(AF_PACKET)", errno: errno)) }
            let socket = PacketSocket(descriptor: descriptor)
            var program = arrivingARP
            let attached = program.withUnsafeMutableBufferPointer { instructions in
                var filter = sock_fprog(len: UInt16(instructions.count), filter: instructions.baseAddress)
                return setsockopt(descriptor, SOL_SOCKET, SO_ATTACH_FILTER, &filter, socklen_t(MemoryLayout<sock_fprog>.size))
            }
            guard attached == 0 else {
                let failure = errno
                socket.close()
                return .failure(.systemCall("setsockopt(SO_ATTACH_FILTER)", errno: failure))
            }
            return .success(socket)
        }
    }

    /// `ld pkttype; jeq OUTGOING → drop; ld protocol; jeq ARP → accept; drop`: the protocol and packet type are the
    /// kernel's ancillary loads (SKF_AD_PROTOCOL is in host order).
    private static let arrivingARP: [sock_filter] = {
        let loadWord = UInt16(BPF_LD | BPF_W | BPF_ABS)
        let jumpIfEqual = UInt16(BPF_JMP | BPF_JEQ | BPF_K)
        let returnConstant = UInt16(BPF_RET | BPF_K)
        let ancillary = UInt32(bitPattern: SKF_AD_OFF)
        return [
            sock_filter(code: loadWord, jt: 0, jf: 0, k: ancillary &+ UInt32(SKF_AD_PKTTYPE)),
            sock_filter(code: jumpIfEqual, jt: 3, jf: 0, k: UInt32(PACKET_OUTGOING)),
            sock_filter(code: loadWord, jt: 0, jf: 0, k: ancillary &+ UInt32(SKF_AD_PROTOCOL)),
            sock_filter(code: jumpIfEqual, jt: 0, jf: 1, k: UInt32(ETHERTYPE_ARP)),
            sock_filter(code: returnConstant, jt: 0, jf: 0, k: 0xFFFF),
            sock_filter(code: returnConstant, jt: 0, jf: 0, k: 0),
        ]
    }()

    /// Sends gratuitous ARP for `address` from `interface` of the namespace at `path`, `count` times 20 ms apart.
    static func announce(address: LabIPv4, mac: [UInt8], interface: String, inNamespace path: String, count: Int = 3) async throws(LabError) {
        try await NetworkNamespace.run(in: path) { () -> Result<Void, LabError> in
            let index = if_nametoindex(interface)
            guard index != 0 else { return .failure(.systemCall("if_nametoindex(\(interface))", errno: errno)) }
            let descriptor = socket(AF_PACKET, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), Int32(arpProtocol))
            guard descriptor >= 0 else { return .failure(.systemCall("socket(AF_PACKET)", errno: errno)) }
            let socket = PacketSocket(descriptor: descriptor)
            defer { socket.close() }
            let packet = ARPPacket.gratuitous(address: address, mac: mac).bytes
            for attempt in 0..<count {
                if attempt > 0 { usleep(20_000) }
                if let error = socket.send(packet, interfaceIndex: Int32(index), to: [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) {
                    return .failure(error)
                }
            }
            return .success(())
        }
    }

    /// Waits up to `timeoutMilliseconds` for a packet; nil when none came.
    func receive(timeoutMilliseconds: Int32) -> Received? {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&poller, 1, timeoutMilliseconds) > 0 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 1500)
        var address = sockaddr_ll()
        var length = socklen_t(MemoryLayout<sockaddr_ll>.size)
        let count = buffer.withUnsafeMutableBytes { bytes in
            withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    recvfrom(descriptor, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0, &length)
                }
            }
        }
        guard count > 0 else { return nil }
        return Received(bytes: Array(buffer[0..<count]), interfaceIndex: address.sll_ifindex, packetType: address.sll_pkttype)
    }

    /// Sends one ARP packet out of an interface to a link-layer address; returns the error, if any.
    private func send(_ packet: [UInt8], interfaceIndex: Int32, to destination: [UInt8]) -> LabError? {
        var address = sockaddr_ll()
        address.sll_family = UInt16(AF_PACKET)
        address.sll_protocol = Self.arpProtocol
        address.sll_ifindex = interfaceIndex
        address.sll_halen = 6
        withUnsafeMutableBytes(of: &address.sll_addr) { bytes in
            for (index, byte) in destination.prefix(bytes.count).enumerated() { bytes[index] = byte }
        }
        let sent = packet.withUnsafeBytes { bytes in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes.baseAddress, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_ll>.size))
                }
            }
        }
        return sent == packet.count ? nil : .systemCall("sendto(AF_PACKET)", errno: errno)
    }

    func close() { _ = Glibc.close(descriptor) }

    /// ETH_P_ARP in network byte order, as socket(2) and sockaddr_ll want it.
    private static let arpProtocol = UInt16(ETHERTYPE_ARP).bigEndian
}
#endif
