#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processes living in named network namespaces: what `ip netns pids` prints, for many namespaces in one pass
/// over /proc (a process is in a namespace when its /proc/PID/ns/net is the file bound at /run/netns/NAME). Zombies
/// have no namespace any more and are not listed.
enum NamespaceProcesses {
    /// pid → the namespace (of `namespaces`) it lives in.
    static func find(in namespaces: [String], names: LabNames) -> [Int32: String] {
        var wanted: [FileIdentity: String] = [:]
        for namespace in namespaces {
            if let identity = FileIdentity(path: names.namespacePath(namespace)) { wanted[identity] = namespace }
        }
        guard !wanted.isEmpty, let directory = opendir("/proc") else { return [:] }
        defer { closedir(directory) }
        var found: [Int32: String] = [:]
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let pid = Int32(name), let identity = FileIdentity(path: "/proc/\(pid)/ns/net"), let namespace = wanted[identity] else { continue }
            found[pid] = namespace
        }
        return found
    }

    /// Sends SIGTERM to every process in `namespaces`, SIGKILL to those still there after `gracePeriod`, and returns
    /// once none is left (or a further second has passed).
    static func stop(in namespaces: [String], names: LabNames, gracePeriod: Duration) async {
        var remaining = find(in: namespaces, names: names)
        guard !remaining.isEmpty else { return }
        for pid in remaining.keys { kill(pid, SIGTERM) }
        let clock = ContinuousClock()
        let killAt = clock.now + gracePeriod
        var killed = false
        while !remaining.isEmpty, clock.now < killAt + .seconds(1) {
            do {
                try await Task.sleep(for: .milliseconds(20))
            } catch {
                // Cancelled: no more grace.
                for pid in remaining.keys { kill(pid, SIGKILL) }
                killed = true
            }
            remaining = find(in: namespaces, names: names)
            if !killed, clock.now >= killAt {
                for pid in remaining.keys { kill(pid, SIGKILL) }
                killed = true
            }
        }
    }
}

/// A file's device and inode: what makes two namespace handles the same namespace.
private struct FileIdentity: Hashable {
    var device: UInt64
    var inode: UInt64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}
