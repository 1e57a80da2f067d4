// The limit: the least a Hummingbird server can do for one request on this machine. It answers every
// request with a fixed body of the size of a 10-item DescribeHaVips reply, so that havip's throughput can
// be read as a fraction of what the HTTP stack alone allows, measured in the same run.
//
//     havip-bench-limit PORT SIZE [plain|hop|busyMICROSECONDS]
//
// `plain` answers in the handler. `hop` first leaves the handler's thread for a concurrent dispatch queue
// and comes back, as every SQLite read of havip does (the store's reader connections run on such a queue):
// the difference between the two is what that hop costs, without any of havip's work. `busy170` first
// does 170 µs of CPU work on its thread (a stand-in for havip's own work, calibrated at startup): the
// limit then answers at about havip's rate, so its HTTP stack's cost per request can be read at that rate.
import Dispatch
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 8590 : 8590
let size = arguments.count > 2 ? Int(arguments[2]) ?? 5_000 : 5_000
let mode = arguments.count > 3 ? arguments[3] : "plain"
let hop = mode == "hop"
let busy = mode.hasPrefix("busy") ? Duration.microseconds(Int(mode.dropFirst(4)) ?? 0) : .zero
let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
let queue = DispatchQueue(label: "limit.hop", attributes: .concurrent)

/// A fixed amount of work, no system call in it (a clock read per round would be one for a thread's CPU
/// time, and a wall-clock spin does less work whenever the scheduler preempts it).
@inline(never) func spin(_ rounds: Int) {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<rounds {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
    }
    precondition(state != 0)
}

/// How many rounds of ``spin(_:)`` take `busy` of CPU on this machine, measured once at startup (the best of
/// five timings of a million rounds, so that a preempted timing does not count).
let busyRounds: Int = {
    guard busy > .zero else { return 0 }
    let sample = 1_000_000
    let fastest = (0..<5).map { _ in ContinuousClock().measure { spin(sample) } }.min()!
    return Int(Double(sample) * (busy / fastest))
}()

let responder = CallbackResponder<BasicRequestContext> { _, _ in
    if busy > .zero { spin(busyRounds) }
    if hop {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }
    return Response(status: .ok, headers: [.contentType: "application/json;charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(
    responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
    onServerRunning: { _ in print("limit listening on 127.0.0.1:\(port) (\(size)-byte body, \(mode))") })
try await app.runService()
