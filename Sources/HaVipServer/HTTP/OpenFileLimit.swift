#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's open-file limit (`RLIMIT_NOFILE`), which bounds how many connections can be open at once.
public enum OpenFileLimit {
    /// The soft limit in force, or nil when it cannot be read (or is unlimited).
    public static var current: Int? {
        var limit = rlimit()
        guard getrlimit(resourceNumber, &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(limit.rlim_cur)
    }

    /// Raises the soft limit to the hard limit (as Go's runtime and nginx's `worker_rlimit_nofile` do), so the
    /// connection cap is not held at a login shell's 1024. Returns the soft limit in force afterwards.
    @discardableResult
    public static func raiseToHardLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(resourceNumber, &limit) == 0 else { return nil }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            // Linux refuses more than fs.nr_open (often 1048576) even when the hard limit is unlimited.
            raised.rlim_cur = limit.rlim_max == rlim_t.max ? 1 << 20 : limit.rlim_max
            _ = setrlimit(resourceNumber, &raised)
        }
        return current
    }

    #if canImport(Glibc)
    private static let resourceNumber = __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    #else
    private static let resourceNumber = RLIMIT_NOFILE
    #endif
}
