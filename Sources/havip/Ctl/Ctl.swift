import ArgumentParser

/// `havip ctl ...`: the control API under `/_havip/` (reset, snapshots, worlds, transitions, faults, failover,
/// the request journal).
struct Ctl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Drive a running havip's control API: reset, snapshots, worlds, transitions, faults, failover, the request journal.",
        discussion: "Every subcommand takes --endpoint (or $HAVIP_ENDPOINT) and --admin-token (or $HAVIP_ADMIN_TOKEN).",
        subcommands: [Reset.self, Snapshot.self, World.self, Transitions.self, Fault.self, Failover.self, Requests.self])
}
