import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore

/// HTTP/1.1 connections whose requests are served on the connection's own NIO event loop.
///
/// Hummingbird runs each connection as a task on Swift's cooperative pool, so every request crosses
/// threads twice (event loop → pool → event loop) before any of havip's work. Giving the connection's
/// task its event loop as executor preference keeps parsing, the action and the answer on one thread:
/// one thread per core, no hand-offs. Work that may block (the store's writes, PostgreSQL) still leaves
/// the loop on the store's own threads.
struct EventLoopHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(loop: value.channel.eventLoop)) {
            await http1.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 served on the connections' event loops (see ``EventLoopHTTP1Channel``); with `tls`, behind a TLS
    /// handshake (HummingbirdTLS's `TLSChannel` puts it in front of the same channel).
    static func http1OnEventLoops(tls: ServerTLS? = nil) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let http1 = EventLoopHTTP1Channel(http1: HTTP1Channel(responder: responder))
            guard let tls else { return http1 }
            return try TLSChannel(http1, tlsConfiguration: tls.configuration)
        }
    }
}

/// A NIO event loop as a Swift task executor.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
