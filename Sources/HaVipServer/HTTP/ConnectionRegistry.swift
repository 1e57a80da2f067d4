import NIOCore
import Synchronization

/// Counts the server's connections against the cap, and knows which of them are idle (between requests),
/// so that a new connection over the cap can take the place of the one idle longest.
///
/// Only a connection idle for ``minimumIdleAge`` can be closed to make room: a connection just accepted is
/// idle until its first bytes are read, which may already be on their way (closing it would reset a client
/// that did nothing wrong).
///
/// Shared by every event loop; each connection reports its own changes, under one lock.
final class ConnectionRegistry: Sendable {
    /// What a new connection may do.
    enum Admission {
        case admitted
        /// Admitted in place of this idle connection, which the caller closes.
        case admittedInPlaceOf(ConnectionGuard.Handle)
        case refused
    }

    let cap: Int
    let minimumIdleAge: TimeAmount
    private let state = Mutex(State())

    private struct State {
        var open = 0
        var nextTicket: UInt64 = 0
        /// Idle connections by ticket; tickets grow with time, so the smallest is the one idle longest.
        var idle: [UInt64: (handle: ConnectionGuard.Handle, since: NIODeadline)] = [:]
    }

    init(cap: Int, minimumIdleAge: TimeAmount = .seconds(1)) {
        self.cap = cap
        self.minimumIdleAge = minimumIdleAge
    }

    var openConnections: Int { state.withLock { $0.open } }

    func admit() -> Admission {
        state.withLock { state in
            if state.open < cap {
                state.open += 1
                return .admitted
            }
            guard let oldest = state.idle.keys.min(), let entry = state.idle[oldest], NIODeadline.now() - entry.since >= minimumIdleAge
            else { return .refused }
            state.idle.removeValue(forKey: oldest)
            // The evicted connection gives its place back when it closes.
            state.open += 1
            return .admittedInPlaceOf(entry.handle)
        }
    }

    func closed() {
        state.withLock { $0.open -= 1 }
    }

    /// Records a connection as idle; the ticket takes it back.
    func becameIdle(_ handle: ConnectionGuard.Handle) -> UInt64 {
        state.withLock { state in
            state.nextTicket += 1
            state.idle[state.nextTicket] = (handle, NIODeadline.now())
            return state.nextTicket
        }
    }

    /// Takes a connection off the idle list; false when it was already taken to make room for another.
    func becameBusy(_ ticket: UInt64) -> Bool {
        state.withLock { $0.idle.removeValue(forKey: ticket) != nil }
    }
}
