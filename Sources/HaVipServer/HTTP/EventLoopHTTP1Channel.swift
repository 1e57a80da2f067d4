import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL

/// HTTP/1.1 connections whose requests are served on the connection's own NIO event loop.
///
/// Hummingbird runs each connection as a task on Swift's cooperative pool, so every request crosses
/// threads twice (event loop → pool → event loop) before any of havip's work. Giving the connection's
/// task its event loop as executor preference keeps parsing, the action and the answer on one thread:
/// one thread per core, no hand-offs. Work that may block (the store's writes, PostgreSQL) still leaves
/// the loop on the store's own threads.
///
/// Each connection is also held to havip's ``ConnectionLimits`` (timeouts, the connection cap) and answers
/// what the HTTP parser refuses with the Alibaba envelope: a ``ConnectionGuard`` before the parser and its
/// ``RequestPartObserver`` after it.
struct EventLoopHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    let http1: HTTP1Channel
    let limits: ConnectionLimits
    let registry: ConnectionRegistry
    let answer: ConnectionErrorAnswer

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let pipeline = channel.pipeline.syncOperations
            let connection = ConnectionGuard(limits: limits, registry: registry, answer: answer, logger: logger)
            // First on the bytes the parser reads: after the TLS handler when `TLSChannel` put one first, so that
            // the guard reads requests and writes its answers in the clear, and TLS encrypts them.
            if let tls = try? pipeline.handler(type: NIOSSLServerHandler.self) {
                try pipeline.addHandler(connection, position: .after(tls))
            } else {
                try pipeline.addHandler(connection, position: .first)
            }
            // Right after the parser's conversion to HTTP types, before Hummingbird's connection state handler.
            let state = try pipeline.handler(type: HTTPConnectionStateHandler.self)
            try pipeline.addHandler(RequestPartObserver(connection: connection), position: .before(state))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await withTaskExecutorPreference(EventLoopTaskExecutor(loop: value.channel.eventLoop)) {
            await http1.handle(value: value, logger: logger)
        }
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 served on the connections' event loops, within `limits` (see ``EventLoopHTTP1Channel``); with
    /// `tls`, behind a TLS handshake (HummingbirdTLS's `TLSChannel` puts it in front of the same channel).
    static func http1OnEventLoops(
        limits: ConnectionLimits, registry: ConnectionRegistry, answer: ConnectionErrorAnswer, tls: ServerTLS? = nil
    ) -> HTTPServerBuilder {
        HTTPServerBuilder { responder in
            let http1 = EventLoopHTTP1Channel(http1: HTTP1Channel(responder: responder), limits: limits, registry: registry, answer: answer)
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
