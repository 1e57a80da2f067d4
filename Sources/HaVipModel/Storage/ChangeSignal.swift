/// A store several nodes share can tell them that shared control state changed (faults were added, say),
/// so that each node reloads its in-memory copy at once instead of asking the store on every request.
/// PostgreSQL does it with `LISTEN`/`NOTIFY`; a store without it leaves the nodes to poll.
public protocol ChangeSignal: Sendable {
    /// Tells every node listening, this one included, that something changed.
    func announceChange() async throws

    /// Calls `onChange` for each announcement, from any node, until the task is cancelled (then it returns)
    /// or the listening connection fails (then it throws; the caller listens again).
    func listenForChanges(_ onChange: @escaping @Sendable () async -> Void) async throws
}
