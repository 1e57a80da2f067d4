// havip-lab-bench: measures the netns data plane (HaVipLab) on this machine. Root only.
//
//   swift run havip-lab-bench [--rounds N] [--havips N] [--out PATH]
//
// 1. Failover of one HaVip between two instances (keepalived, advert_int 1), `--rounds` times each way of failing:
//    the master's keepalived stopped (SIGTERM: it sends a priority-0 advert on its way out), its keepalived and VRRP
//    processes killed with SIGKILL (the backup waits out VRRP's 3 × advert_int while the master still answers), the
//    same with the master's eth0 down at once (a crash: nobody answers until the backup takes over), and the master
//    instance stopped (StopInstance: its processes get SIGTERM, then its link goes down). The master is always i-a (moved back before each round), the backup i-b (priority 204). Each round
//    measures the time from the failure to the lab's observation of the new holder (the ARP packet's arrival), and the
//    replies lost by the client pinging the address every 100 ms from 1 s before the failure to 5 s after it.
// 2. Scale: `--havips` HaVips, each associated with two instances of their own, in one lab: the time to start the lab,
//    to reconcile the topology, until every HaVip has a holder, and to shut down; the RSS of this process, and the RSS
//    and PSS (shared pages divided among their users) of everything running in the lab's namespaces.
import Foundation
import HaVipLab
import Logging

#if canImport(Glibc)
import Glibc
#endif

struct Options {
    var rounds = 5
    var havips = 50
    var out: String?

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--rounds": rounds = iterator.next().flatMap(Int.init) ?? rounds
            case "--havips": havips = iterator.next().flatMap(Int.init) ?? havips
            case "--out": out = iterator.next()
            default:
                FileHandle.standardError.write(Data("usage: havip-lab-bench [--rounds N] [--havips N] [--out PATH]\n".utf8))
                exit(2)
            }
        }
    }
}

/// Every observation the lab published, with when it was read.
actor Timeline {
    private(set) var observations: [LabObservation] = []

    func record(_ observation: LabObservation) { observations.append(observation) }

    /// When `haVip` was first seen held by someone else than `previous` after `instant`.
    func firstChange(of haVip: String, from previous: String, after instant: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        observations.first { $0.at >= instant && $0.holders[haVip] != nil && $0.holders[haVip] != previous }?.at
    }
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// A `Key:   123 kB` line of a /proc file, in KiB.
func procKiB(_ path: String, _ key: String) -> Int {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8),
        let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key + ":") })
    else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}

func rssKiB(_ pid: Int32) -> Int { procKiB("/proc/\(pid)/status", "VmRSS") }

func pssKiB(_ pid: Int32) -> Int { procKiB("/proc/\(pid)/smaps_rollup", "Pss") }

/// Every process whose network namespace is one of the lab's (by /proc/PID/ns/net against /run/netns/NAME).
func labProcesses(_ names: LabNames) -> [Int32] {
    func inode(_ path: String) -> UInt64? {
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }
    let namespaces = Set(
        ((try? FileManager.default.contentsOfDirectory(atPath: "/run/netns")) ?? []).filter { $0.hasPrefix(names.prefix) }
            .compactMap { inode("/run/netns/" + $0) })
    return ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).compactMap(Int32.init).filter { pid in
        inode("/proc/\(pid)/ns/net").map(namespaces.contains) ?? false
    }
}

/// The pid in one of keepalived's pid files (`keepalived.pid`, the parent; `vrrp.pid`, its VRRP process) in the instance's /run.
func keepalivedPID(_ names: LabNames, _ instanceId: String, file: String = "keepalived.pid") -> Int32? {
    let path = names.runDirectory(ofNamespace: names.instanceNamespace(instanceId)) + "/" + file
    return (try? String(contentsOfFile: path, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
}

/// Runs a lab for `body`, recording its observations; always shuts it down.
func withLab<T>(_ prefix: String, _ body: (Lab, Timeline) async throws -> T) async throws -> T {
    var logger = Logger(label: "havip.lab.bench")
    logger.logLevel = .warning
    let lab = Lab(configuration: LabConfiguration(names: try LabNames(prefix: prefix)), logger: logger)
    let timeline = Timeline()
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { try await lab.run() }
        group.addTask { for await observation in lab.observations { await timeline.record(observation) } }
        do {
            try await lab.ready()
            let result = try await body(lab, timeline)
            lab.shutdown()
            try await group.waitForAll()
            return result
        } catch {
            lab.shutdown()
            try? await group.waitForAll()
            throw error
        }
    }
}

func waitUntil(_ timeout: Duration, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return await condition()
}

// MARK: - Failover

enum Failure: String, CaseIterable {
    case sigterm = "keepalived killed (SIGTERM)"
    case sigkill = "keepalived and its VRRP process killed (SIGKILL)"
    case crash = "master crashed (keepalived SIGKILL, eth0 down)"
    case stop = "master stopped"
}

struct FailoverRound: Codable {
    var failure: String
    var observedSeconds: Double?
    var pingsSent: Int
    var repliesLost: Int
}

func failoverTopology(running: [String: Bool] = [:]) -> LabTopology {
    LabTopology(
        vSwitches: [.init(id: "vsw-bench", cidrBlock: "10.78.0.0/24")],
        instances: ["a", "b"].enumerated().map { index, name in
            .init(
                id: "i-\(name)", vSwitchId: "vsw-bench", privateIpAddress: "10.78.0.\(11 + index)", macAddress: "00:16:3e:00:00:\(11 + index)",
                isRunning: running["i-\(name)"] ?? true)
        },
        haVips: [.init(id: "havip-bench", vSwitchId: "vsw-bench", ipAddress: "10.78.0.100", associatedIds: ["i-a", "i-b"])])
}

func measureFailover(rounds: Int) async throws -> [FailoverRound] {
    try await withLab("hvb-") { lab, timeline in
        let names = lab.configuration.names
        try await lab.reconcile(to: failoverTopology())
        guard await waitUntil(.seconds(15), { await lab.holders["havip-bench"] == "i-a" }) else { throw LabError.notRunning }
        var results: [FailoverRound] = []
        for failure in Failure.allCases {
            for _ in 0..<rounds {
                guard let master = await lab.holders["havip-bench"] else { throw LabError.notRunning }
                // Ping every 100 ms for 6 s; the failure comes 1 s in.
                async let ping = lab.exec(in: "client", ["ping", "-n", "-q", "-i", "0.1", "-c", "60", "-W", "1", "10.78.0.100"])
                try await Task.sleep(for: .seconds(1))
                let failedAt = ContinuousClock.now
                switch failure {
                case .sigterm: if let pid = keepalivedPID(names, master) { kill(pid, SIGTERM) }
                case .sigkill:
                    for file in ["vrrp.pid", "keepalived.pid"] { if let pid = keepalivedPID(names, master, file: file) { kill(pid, SIGKILL) } }
                case .crash:
                    for file in ["vrrp.pid", "keepalived.pid"] { if let pid = keepalivedPID(names, master, file: file) { kill(pid, SIGKILL) } }
                    _ = try await lab.exec(in: master, ["ip", "link", "set", "eth0", "down"])
                case .stop: try await lab.reconcile(to: failoverTopology(running: [master: false]))
                }
                _ = await waitUntil(.seconds(8)) { await timeline.firstChange(of: "havip-bench", from: master, after: failedAt) != nil }
                let observed = await timeline.firstChange(of: "havip-bench", from: master, after: failedAt).map { seconds($0 - failedAt) }
                let summary = (try await ping).standardOutput
                let counts = summary.firstMatch(of: /(\d+) packets transmitted, (\d+) received/)
                let sent = counts.flatMap { Int($0.1) } ?? 0
                let received = counts.flatMap { Int($0.2) } ?? 0
                results.append(FailoverRound(failure: failure.rawValue, observedSeconds: observed, pingsSent: sent, repliesLost: sent - received))
                print(String(format: "  %@: observed after %@, %d of %d replies lost", failure.rawValue, observed.map { String(format: "%.3f s", $0) } ?? "never", sent - received, sent))
                // Back to two running instances with keepalived (a stop and start restarts the failed one, as a
                // backup), and i-a the master again.
                try await lab.reconcile(to: failoverTopology(running: [master: false]))
                try await lab.reconcile(to: failoverTopology())
                try await Task.sleep(for: .seconds(4))
                try await lab.moveAddress(haVip: "havip-bench", to: "i-a")
                try await Task.sleep(for: .seconds(1))
            }
        }
        return results
    }
}

// MARK: - Scale

struct ScaleResult: Codable {
    var havips: Int
    var instances: Int
    var startSeconds: Double
    var reconcileSeconds: Double
    var allHeldSeconds: Double?
    var shutdownSeconds: Double
    var benchRSSBeforeKiB: Int
    var benchRSSAfterKiB: Int
    var labProcesses: Int
    var labProcessesRSSKiB: Int
    var labProcessesPSSKiB: Int
}

func scaleTopology(havips: Int) -> LabTopology {
    var topology = LabTopology(vSwitches: [.init(id: "vsw-scale", cidrBlock: "10.79.0.0/20")])
    for index in 0..<havips {
        let pair = ["i-\(index)a", "i-\(index)b"]
        for (offset, id) in pair.enumerated() {
            let host = 16 + index * 2 + offset
            topology.instances.append(
                .init(
                    id: id, vSwitchId: "vsw-scale", privateIpAddress: "10.79.\(host / 256).\(host % 256)",
                    macAddress: String(format: "00:16:3e:01:%02x:%02x", host / 256, host % 256), isRunning: true))
        }
        let address = 2048 + index
        topology.haVips.append(
            .init(id: "havip-\(index)", vSwitchId: "vsw-scale", ipAddress: "10.79.\(address / 256).\(address % 256)", associatedIds: pair))
    }
    return topology
}

func measureScale(havips: Int) async throws -> ScaleResult {
    let clock = ContinuousClock()
    let before = rssKiB(getpid())
    let started = clock.now
    var shutdownStarted = started
    var result = try await withLab("hvs-") { lab, _ -> ScaleResult in
        let startSeconds = seconds(clock.now - started)
        let reconcileStarted = clock.now
        try await lab.reconcile(to: scaleTopology(havips: havips))
        let reconcileSeconds = seconds(clock.now - reconcileStarted)
        let held = await waitUntil(.seconds(60)) { await lab.holders.count == havips }
        let allHeld = held ? seconds(clock.now - reconcileStarted) : nil
        try await Task.sleep(for: .seconds(2))
        let processes = labProcesses(lab.configuration.names)
        let result = ScaleResult(
            havips: havips, instances: 2 * havips, startSeconds: startSeconds, reconcileSeconds: reconcileSeconds, allHeldSeconds: allHeld,
            shutdownSeconds: 0, benchRSSBeforeKiB: before, benchRSSAfterKiB: rssKiB(getpid()), labProcesses: processes.count,
            labProcessesRSSKiB: processes.map(rssKiB).reduce(0, +), labProcessesPSSKiB: processes.map(pssKiB).reduce(0, +))
        shutdownStarted = clock.now
        return result
    }
    result.shutdownSeconds = seconds(clock.now - shutdownStarted)
    return result
}

// MARK: - Main

let options = Options(CommandLine.arguments)
if let reason = LabEnvironment.unavailableReason() {
    print("havip-lab-bench: \(reason)")
    exit(1)
}
print("failover, \(options.rounds) rounds of each:")
let rounds = try await measureFailover(rounds: options.rounds)
print("scale, \(options.havips) HaVips × 2 instances:")
let scale = try await measureScale(havips: options.havips)
print(
    String(
        format: "  start %.2f s, reconcile %.2f s, every HaVip held after %@, shutdown %.2f s", scale.startSeconds, scale.reconcileSeconds,
        scale.allHeldSeconds.map { String(format: "%.2f s", $0) } ?? "never", scale.shutdownSeconds))
print("  bench RSS \(scale.benchRSSBeforeKiB) → \(scale.benchRSSAfterKiB) KiB; \(scale.labProcesses) processes in the lab, \(scale.labProcessesRSSKiB) KiB RSS, \(scale.labProcessesPSSKiB) KiB PSS")

print("\n| failure | rounds | observed after (min / median / max) | replies lost of ~60 (min / median / max) |")
print("|---|---|---|---|")
for failure in Failure.allCases {
    let mine = rounds.filter { $0.failure == failure.rawValue }
    let observed = mine.compactMap(\.observedSeconds).sorted()
    let lost = mine.map(\.repliesLost).sorted()
    func spread<T>(_ values: [T], _ format: (T) -> String) -> String {
        values.isEmpty ? "–" : "\(format(values[0])) / \(format(values[values.count / 2])) / \(format(values[values.count - 1]))"
    }
    print("| \(failure.rawValue) | \(mine.count) (\(mine.count - observed.count) never observed) | \(spread(observed) { String(format: "%.2f s", $0) }) | \(spread(lost) { "\($0)" }) |")
}

if let out = options.out {
    struct Report: Codable {
        var failover: [FailoverRound]
        var scale: ScaleResult
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try encoder.encode(Report(failover: rounds, scale: scale)).write(to: URL(fileURLWithPath: out))
    print("\nwritten to \(out)")
}
