#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The machine-wide claim of one lab prefix: an exclusive `flock` on `/run/<prefix>lab.lock`, held while the lab runs.
/// A second lab with the same prefix would take the first one's namespaces for a crash's leftovers and remove them;
/// with the lock it refuses to start instead. The kernel drops the lock when the process ends, however it ends, so a
/// crashed lab never blocks the next one.
final class LabLock: Sendable {
    private let descriptor: Int32

    static func path(_ names: LabNames) -> String { "/run/" + names.prefix + "lab.lock" }

    /// Takes the lock, or throws ``LabError/unavailable(_:)`` when another process holds it.
    init(_ names: LabNames) throws(LabError) {
        let path = Self.path(names)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .systemCall("open(\(path))", errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK {
                throw .unavailable("another lab runs with the prefix \(names.prefix) (\(path) is locked): give this one another --lab-prefix")
            }
            throw .systemCall("flock(\(path))", errno: failure)
        }
        self.descriptor = descriptor
    }

    /// Releases the lock (the file stays: removing it could let two labs lock two different files of one name).
    func release() {
        close(descriptor)
    }
}
