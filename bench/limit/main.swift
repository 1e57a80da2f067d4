// The limit: the least a Hummingbird server can do for one request on this machine. It answers every
// request with a fixed body of the size of a 10-item DescribeHaVips reply, so that havip's throughput can
// be read as a fraction of what the HTTP stack alone allows, measured in the same run.
//
//     havip-bench-limit PORT SIZE [plain|hop]
//
// `plain` answers in the handler. `hop` first leaves the handler's thread for a concurrent dispatch queue
// and comes back, as every SQLite read of havip does (the store's reader connections run on such a queue):
// the difference between the two is what that hop costs, without any of havip's work.
import Dispatch
import Foundation
import Hummingbird

let arguments = CommandLine.arguments
let port = arguments.count > 1 ? Int(arguments[1]) ?? 8590 : 8590
let size = arguments.count > 2 ? Int(arguments[2]) ?? 5_000 : 5_000
let hop = arguments.count > 3 && arguments[3] == "hop"
let body = ByteBuffer(repeating: UInt8(ascii: "x"), count: size)
let queue = DispatchQueue(label: "limit.hop", attributes: .concurrent)

let responder = CallbackResponder<BasicRequestContext> { _, _ in
    if hop {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            queue.async { continuation.resume() }
        }
    }
    return Response(status: .ok, headers: [.contentType: "application/json;charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(
    responder: responder, configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
    onServerRunning: { _ in print("limit listening on 127.0.0.1:\(port) (\(size)-byte body\(hop ? ", hop to a dispatch queue" : ""))") })
try await app.runService()
