import HTTPTypes
import HaVipModel
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Sits after the HTTP parser and tells the connection's ``ConnectionGuard`` where requests and responses
/// begin and end; turns what the parser refuses into the guard's Alibaba-style answer instead of
/// Hummingbird's bare `400` with no body; and keeps `CONNECT` (which would turn the connection into a
/// tunnel no later request can use) from reaching the application.
final class RequestPartObserver: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// Fails the application's read of a request body that will never arrive in full.
    struct RequestAbandoned: Error {}

    private let connection: ConnectionGuard
    private var context: ChannelHandlerContext?

    init(connection: ConnectionGuard) {
        self.connection = connection
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        connection.observer = self
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            if head.method == .connect {
                connection.requestFailed(.unsupportedHTTPMethod)
                return
            }
            connection.requestHeadPassedOn(authority: head.authority)
        case .body:
            break
        case .end:
            connection.requestEnded()
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head:
            connection.responseStarted()
            context.write(data, promise: promise)
        case .body:
            context.write(data, promise: promise)
        case .end:
            context.write(data, promise: promise)
            connection.responseEnded()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let answer = Self.answer(to: error) {
            connection.requestFailed(answer)
        } else {
            context.fireErrorCaught(error)
        }
    }

    func failRequestBody() {
        context?.fireErrorCaught(RequestAbandoned())
    }

    /// The answer to an error from the parser or from the conversion to HTTP types; nil for errors of the
    /// connection itself (a reset, a closed channel), which no answer can reach.
    static func answer(to error: any Error) -> APIError? {
        switch error {
        case is IOError, is ChannelError, is RequestAbandoned:
            return nil
        case let error as HTTPParserError:
            if error == .headerOverflow { return .requestTooLarge("the request line and headers are longer than 80 KB") }
            return .httpRequestMalformed(describe(error))
        case is ByteToMessageDecoderError:
            return .httpRequestMalformed("data after a request the parser refused")
        default:
            // NIOHTTPTypes refuses a head HTTPTypes cannot represent (a bad header name or value, a bad method).
            return .httpRequestMalformed("the request head is not valid")
        }
    }

    private static func describe(_ error: HTTPParserError) -> String {
        switch error {
        case .invalidMethod: "the method is not valid"
        case .invalidVersion: "the HTTP version is not valid"
        case .invalidURL, .invalidHost, .invalidPort, .invalidPath, .invalidQueryString, .invalidFragment, .invalidCharactersUsed:
            "the request target is not valid"
        case .invalidHeaderToken: "a header is not valid"
        case .invalidContentLength: "the Content-Length is not valid"
        case .unexpectedContentLength: "Content-Length and Transfer-Encoding are both sent"
        case .invalidChunkSize: "a chunk size is not valid"
        case .lfExpected, .invalidConstant, .strictModeAssertion: "the request line or a header is not terminated properly"
        default: "the parser refused it"
        }
    }
}
