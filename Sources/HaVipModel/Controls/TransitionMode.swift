/// How asynchronous statuses (a HaVip's Creating, Associating, Unassociating, Deleting) advance: after a
/// delay, or only when a test steps them. Shared by every node through the store (``Transitions``).
public enum TransitionMode: Sendable, Equatable {
    /// Each transition ends `seconds` after it began (0: at once, within the request).
    case delay(seconds: Double)
    /// Each transition waits for ``Transitions/step(_:now:)``.
    case manual

    /// The mode as stored: `delay:SECONDS` or `manual`.
    var stored: String {
        switch self {
        case .delay(let seconds): "delay:\(seconds)"
        case .manual: "manual"
        }
    }

    init?(stored: String) {
        if stored == "manual" {
            self = .manual
        } else if stored.hasPrefix("delay:"), let seconds = Double(stored.dropFirst(6)) {
            self = .delay(seconds: seconds)
        } else {
            return nil
        }
    }
}
