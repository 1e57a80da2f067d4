import HaVipModel
import Synchronization

/// The last requests this node answered, in a ring of fixed capacity (`havip serve --journal-capacity`,
/// 10,000 by default): what `GET /_havip/requests` lists. Per node: with several nodes, each has its own.
/// Recording a request stores the finished request as it is (secrets are removed when entries are read).
final class RequestJournal: RequestObserver {
    let capacity: Int
    private let ring: Mutex<Ring>

    private struct Ring {
        var entries: [FinishedRequest] = []
        /// Where the next entry goes once the ring is full.
        var next = 0
    }

    init(capacity: Int) {
        precondition(capacity > 0, "a journal holds at least one entry")
        self.capacity = capacity
        var ring = Ring()
        ring.entries.reserveCapacity(capacity)
        self.ring = Mutex(ring)
    }

    func observe(_ request: FinishedRequest) {
        ring.withLock { ring in
            if ring.entries.count < capacity {
                ring.entries.append(request)
            } else {
                ring.entries[ring.next] = request
                ring.next = (ring.next + 1) % capacity
            }
        }
    }

    /// The last `limit` requests of `action`, `account` and `status` (each nil for any), oldest first.
    /// Searched under the lock (copying the ring out would make the next request's write copy all of it).
    func recent(action: String?, account: String?, status: StatusFilter? = nil, limit: Int) -> [FinishedRequest] {
        ring.withLock { ring in
            let entries = ring.entries
            var found: [FinishedRequest] = []
            var index = entries.count < capacity ? entries.count : ring.next
            for _ in 0..<entries.count where found.count < limit {
                index = (index - 1 + entries.count) % entries.count
                let entry = entries[index]
                if let action, entry.action != action { continue }
                if let account, entry.account?.rawValue != account { continue }
                if let status, !status.matches(entry.status) { continue }
                found.append(entry)
            }
            return found.reversed()
        }
    }
}

/// Which HTTP statuses a journal search keeps: one (`404`) or a class (`4xx`).
enum StatusFilter: Equatable {
    case exactly(Int)
    case hundreds(Int)

    init?(_ text: String) {
        if text.count == 3, text.hasSuffix("xx"), let digit = Int(text.prefix(1)), (1...5).contains(digit) {
            self = .hundreds(digit)
        } else if let code = Int(text), (100...599).contains(code) {
            self = .exactly(code)
        } else {
            return nil
        }
    }

    func matches(_ status: Int) -> Bool {
        switch self {
        case .exactly(let code): status == code
        case .hundreds(let digit): status / 100 == digit
        }
    }
}
