import HaVipModel
import Logging
import NIOCore

/// The first handler of every connection, on raw bytes before the HTTP parser: it holds the connection to
/// its timeouts and its place under the connection cap, and it ends the connection when the request cannot
/// be served (a parse error, a `CONNECT`, a timeout, no free place), answering with the Alibaba envelope
/// wherever an answer is still possible.
///
/// ``RequestPartObserver``, placed after the HTTP parser, tells it where each request and response begins
/// and ends. Both run on the connection's event loop.
///
/// Ending a connection: the answer is written here, past the response encoder; whatever the application
/// writes afterwards is dropped; the connection stops sending, reads and drops what the client still sends
/// until the client closes or ``ConnectionLimits/lingerTimeout`` passes (so the client reads the answer
/// rather than a reset), and closes.
final class ConnectionGuard: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Closes a connection from any thread (the registry hands these out to make room).
    struct Handle: Sendable {
        let channel: any Channel

        func close() { channel.close(promise: nil) }
    }

    /// What the connection is waiting for, and so which timeout applies.
    enum Wait: Equatable {
        /// Between requests (keep-alive): ``ConnectionLimits/idleTimeout``.
        case idle
        /// A request has begun but its headers are not all in: ``ConnectionLimits/headerTimeout``.
        case header
        /// The headers are in, the body is not: ``ConnectionLimits/bodyTimeout``.
        case body
        /// The server is answering: no timeout here.
        case answer
        /// Ending: ``ConnectionLimits/lingerTimeout``.
        case linger
    }

    private enum Ending {
        case none
        /// Answer with this error once the responses already owed are written.
        case answerAfterResponses(APIError)
        /// The current request has been answered (or is being answered): close once that is written.
        case closeAfterResponse
        /// Done: output shut or shutting, input dropped.
        case lingering

        var isWaitingForResponses: Bool {
            switch self {
            case .answerAfterResponses, .closeAfterResponse: true
            case .none, .lingering: false
            }
        }
    }

    private let limits: ConnectionLimits
    private let registry: ConnectionRegistry
    private let answer: ConnectionErrorAnswer
    private let logger: Logger

    private var context: ChannelHandlerContext?
    /// The observer after the parser; it fails a request body that will never arrive.
    weak var observer: RequestPartObserver?

    private var admitted = false
    private var idleTicket: UInt64?
    /// Request heads passed on whose response has not ended.
    private var unanswered = 0
    /// The latest request's head was passed on, its end not yet.
    private var readingRequest = false
    /// A response head was written, its end not yet.
    private var responding = false
    /// Bytes of a request whose head is not parsed yet have arrived.
    private var requestBegun = false
    private var host: String?
    private var ending = Ending.none

    /// Nothing is awaited until the connection is admitted.
    private(set) var wait = Wait.answer
    private var deadline = NIODeadline.distantFuture
    private var timer: Scheduled<Void>?
    private var timerFiresAt = NIODeadline.distantFuture

    init(limits: ConnectionLimits, registry: ConnectionRegistry, answer: ConnectionErrorAnswer, logger: Logger) {
        self.limits = limits
        self.registry = registry
        self.answer = answer
        self.logger = logger
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        if context.channel.isActive { activate(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        leave()
        self.context = nil
    }

    func channelActive(context: ChannelHandlerContext) {
        activate(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        leave()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .none = ending else { return }  // the request is over: drop what follows
        if !readingRequest && !requestBegun {
            requestBegun = true
            if wait == .idle, let ticket = idleTicket {
                idleTicket = nil
                guard registry.becameBusy(ticket) else {
                    // Closed to make room for a new connection as these bytes came: the client sees a closed
                    // keep-alive connection, as after an idle timeout.
                    context.close(promise: nil)
                    return
                }
            }
            refreshWait()
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if case .lingering = ending {
            context.read()  // keep draining until the client closes
        }
        context.fireChannelReadComplete()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .lingering = ending, let event = event as? ChannelEvent, event == .inputClosed {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .lingering = ending {
            // The connection has given its answer: what the application still writes (its own answer to a
            // request whose body failed) is dropped, as if sent, so it finishes quietly and the linger goes on.
            promise?.succeed(())
            return
        }
        context.write(data, promise: promise)
    }

    // MARK: What the observer reports

    /// A request head was parsed and passed on.
    func requestHeadPassedOn(authority: String?) {
        requestBegun = false
        readingRequest = true
        unanswered += 1
        host = ConnectionErrorAnswer.hostId(authority: authority)
        refreshWait()
    }

    func requestEnded() {
        readingRequest = false
        refreshWait()
    }

    func responseStarted() {
        responding = true
    }

    /// Called after the response's last part was handed on toward the socket.
    func responseEnded() {
        responding = false
        unanswered -= 1
        switch ending {
        case .answerAfterResponses(let error) where unanswered == (readingRequest ? 1 : 0):
            end(answering: error)
        case .closeAfterResponse where unanswered == 0:
            end(answering: nil)
        default:
            refreshWait()
        }
    }

    /// The request cannot be served: `error` is the answer it gets, if one can still be given. When the head
    /// of the request was already passed on and its body is still awaited, that body read fails first, so
    /// the action never runs on part of a body.
    func requestFailed(_ error: APIError) {
        guard case .none = ending else { return }
        logger.debug("connection ended", metadata: ["code": "\(error.code)", "status": "\(error.httpStatus)"])
        if readingRequest {
            observer?.failRequestBody()
        }
        let owedBefore = unanswered - (readingRequest ? 1 : 0)
        if readingRequest && unanswered == 0 {
            // Answered already (the application did not wait for the body): nothing more to say.
            end(answering: nil)
        } else if readingRequest && responding && owedBefore == 0 {
            ending = .closeAfterResponse
        } else if owedBefore == 0 && !responding {
            end(answering: error)
        } else {
            ending = .answerAfterResponses(error)
        }
        refreshWait()
    }

    // MARK: Admission and ending

    private func activate(_ context: ChannelHandlerContext) {
        guard !admitted, case .none = ending else { return }
        switch registry.admit() {
        case .admitted:
            admitted = true
        case .admittedInPlaceOf(let idle):
            admitted = true
            idle.close()
        case .refused:
            end(answering: .tooManyConnections)
            return
        }
        refreshWait()
    }

    private func leave() {
        timer?.cancel()
        timer = nil
        if let ticket = idleTicket {
            _ = registry.becameBusy(ticket)
            idleTicket = nil
        }
        if admitted {
            admitted = false
            registry.closed()
        }
    }

    /// Writes `error`'s answer (if any), stops sending, and lingers until the client closes or the linger
    /// timeout passes.
    private func end(answering error: APIError?) {
        guard let context else { return }
        ending = .lingering
        // Shut the output once everything before (and the answer) is written: an empty write completes after
        // the writes queued before it.
        let bytes = error.map { answer.bytes(for: $0, host: host) } ?? ByteBuffer()
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(bytes), promise: written)
        written.futureResult.assumeIsolated().whenComplete { result in
            switch result {
            case .success: context.close(mode: .output, promise: nil)
            case .failure: context.close(promise: nil)
            }
        }
        context.read()
        refreshWait()
    }

    // MARK: Timeouts

    private func refreshWait() {
        let now: Wait
        if case .lingering = ending {
            now = .linger
        } else if readingRequest {
            now = unanswered <= 1 ? .body : .answer
        } else if unanswered > 0 || ending.isWaitingForResponses {
            now = .answer
        } else {
            now = requestBegun ? .header : .idle
        }
        guard now != wait else { return }
        if wait == .idle, now != .idle, let ticket = idleTicket {
            _ = registry.becameBusy(ticket)
            idleTicket = nil
        }
        wait = now
        guard let timeout = timeout(for: now) else {
            deadline = .distantFuture
            return
        }
        if now == .idle, admitted, idleTicket == nil, let context {
            idleTicket = registry.becameIdle(Handle(channel: context.channel))
        }
        deadline = .now() + timeout
        scheduleTimer()
    }

    private func timeout(for wait: Wait) -> TimeAmount? {
        switch wait {
        case .idle: TimeAmount(limits.idleTimeout)
        case .header: TimeAmount(limits.headerTimeout)
        case .body: TimeAmount(limits.bodyTimeout)
        case .answer: nil
        case .linger: TimeAmount(limits.lingerTimeout)
        }
    }

    /// One timer per connection: it is moved only when a deadline comes earlier than the one it is set for;
    /// when it fires early it is set again for the current deadline.
    private func scheduleTimer() {
        guard let context, deadline < timerFiresAt || timer == nil else { return }
        timer?.cancel()
        timerFiresAt = deadline
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            timer = nil
            timerFiresAt = .distantFuture
            timerFired()
        }
    }

    private func timerFired() {
        guard let context, deadline != .distantFuture else { return }
        guard NIODeadline.now() >= deadline else {
            scheduleTimer()
            return
        }
        switch wait {
        case .idle:
            logger.trace("idle connection closed")
            context.close(promise: nil)
        case .header, .body:
            requestFailed(.requestTimeout)
        case .linger:
            context.close(promise: nil)
        case .answer:
            break
        }
    }
}
