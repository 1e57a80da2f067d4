/// Why the lab could not do what it was asked.
public enum LabError: Error, Equatable, CustomStringConvertible {
    /// Not Linux, not root, or a tool missing: the netns data plane cannot run here.
    case unavailable(String)
    case invalidConfiguration(String)
    /// The desired state contradicts itself (an unknown vSwitch, an address outside its block, …); nothing was changed.
    case invalidTopology(String)
    /// A tool (`ip`, `nft`, `keepalived`) failed.
    case commandFailed(command: String, status: String, output: String)
    /// A system call failed.
    case systemCall(String, errno: Int32)
    /// A file the lab keeps could not be written.
    case file(path: String, reason: String)
    /// `exec` names neither `client` nor an instance of the lab.
    case unknownTarget(String)
    /// The lab has not started, has stopped, or failed.
    case notRunning
    case unknownHaVip(String)
    /// `moveAddress` names something that is not associated with the HaVip, or is not running.
    case cannotHold(haVip: String, holder: String, reason: String)
    /// The address did not reach the holder in time.
    case moveTimedOut(haVip: String, holder: String, seconds: Double)

    public var description: String {
        switch self {
        case .unavailable(let reason): "the netns data plane is unavailable: \(reason)"
        case .invalidConfiguration(let reason): "invalid lab configuration: \(reason)"
        case .invalidTopology(let reason): "invalid lab topology: \(reason)"
        case .commandFailed(let command, let status, let output):
            "`\(command)` failed (\(status))" + (output.isEmpty ? "" : ": \(output.trimmingSuffix())")
        case .systemCall(let call, let errno): "\(call) failed (errno \(errno))"
        case .file(let path, let reason): "cannot write \(path): \(reason)"
        case .unknownTarget(let target): "the lab has no namespace for \(target) (an instance ID or client)"
        case .notRunning: "the lab is not running"
        case .unknownHaVip(let id): "the lab has no HaVip \(id)"
        case .cannotHold(let haVip, let holder, let reason): "\(holder) cannot hold \(haVip): \(reason)"
        case .moveTimedOut(let haVip, let holder, let seconds): "\(holder) did not take \(haVip)'s address within \(seconds) s"
        }
    }
}

extension String {
    fileprivate func trimmingSuffix() -> Substring {
        var text = Substring(self)
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
