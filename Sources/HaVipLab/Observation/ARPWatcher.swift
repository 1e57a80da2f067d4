#if os(Linux)
import Foundation
import Synchronization

/// Watches every ARP packet that enters the lab namespace's bridges from a port (and, as the bridge passes broadcasts
/// up, the bridges themselves: those are not ports and are ignored by the lab), on a thread of its own (a packet
/// socket blocks; Swift's cooperative threads must not), and hands them on as an `AsyncStream`.
final class ARPWatcher: Sendable {
    /// An ARP packet a port sent into the bridge, and when it was read.
    struct Heard: Sendable {
        var interfaceIndex: Int32
        var packet: ARPPacket
        var at: ContinuousClock.Instant
    }

    let heard: AsyncStream<Heard>
    private let continuation: AsyncStream<Heard>.Continuation
    private let socket: PacketSocket
    private let stopping = Atomic<Bool>(false)

    private init(socket: PacketSocket) {
        self.socket = socket
        (heard, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(4096))
    }

    /// Opens the socket in the namespace at `path` and starts reading.
    static func start(inNamespace path: String) async throws(LabError) -> ARPWatcher {
        let watcher = ARPWatcher(socket: try await PacketSocket.openARPListener(inNamespace: path))
        let thread = Thread { watcher.read() }
        thread.name = "havip-lab-arp"
        thread.start()
        return watcher
    }

    /// Stops reading within 100 ms; `heard` then ends.
    func stop() { stopping.store(true, ordering: .relaxed) }

    private func read() {
        while !stopping.load(ordering: .relaxed) {
            // Only what enters from a port is a claim (the kernel's filter already drops what leaves; this is a second check).
            guard let received = socket.receive(timeoutMilliseconds: 100), !received.isOutgoing,
                let packet = ARPPacket(received.bytes)
            else { continue }
            continuation.yield(Heard(interfaceIndex: received.interfaceIndex, packet: packet, at: .now))
        }
        socket.close()
        continuation.finish()
    }
}
#endif
