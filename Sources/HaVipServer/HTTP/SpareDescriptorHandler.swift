#if canImport(Glibc)
import Glibc
private let closeDescriptor = Glibc.close
#elseif canImport(Darwin)
import Darwin
private let closeDescriptor = Darwin.close
#endif
import NIOCore

/// On the listening channel: keeps the event loop from spinning when `accept` fails for want of a file
/// descriptor (`EMFILE`, `ENFILE`).
///
/// Why it would spin: NIO's `ServerSocketChannel` clears its pending read only when an `accept` succeeds.
/// When the first `accept` of a read fails, the read stays pending, the listening socket stays registered
/// with epoll (level-triggered), and epoll reports it ready at once, again and again: NIO's
/// `AcceptBackoffHandler`, which the bootstrap installs, only holds back *new* reads, so it never takes hold.
///
/// This handler holds one spare descriptor (`/dev/null`). When `accept` fails, it closes the spare: the next
/// `accept` succeeds (that connection is then served or refused like any other), which clears NIO's pending
/// read, and the backoff takes hold. Reads are passed on only while the spare is held again, so a failure is
/// always followed by one that succeeds; while no descriptor is free, reads wait (checked every 100 ms).
final class SpareDescriptorHandler: ChannelDuplexHandler {
    typealias InboundIn = NIOAny
    typealias OutboundIn = NIOAny

    private var spare: Int32 = -1
    private var retry: Scheduled<Void>?

    init() {
        reopen()
    }

    deinit {
        if spare >= 0 { _ = closeDescriptor(spare) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? IOError, error.errnoCode == EMFILE || error.errnoCode == ENFILE, spare >= 0 {
            _ = closeDescriptor(spare)
            spare = -1
        }
        context.fireErrorCaught(error)
    }

    func read(context: ChannelHandlerContext) {
        reopen()
        if spare >= 0 {
            context.read()
        } else if retry == nil {
            retry = context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(100)) { [self] in
                retry = nil
                read(context: context)
            }
        }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        retry?.cancel()
        retry = nil
    }

    private func reopen() {
        if spare < 0 { spare = open("/dev/null", O_RDONLY | O_CLOEXEC) }
    }
}
