import Foundation
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The keepalived the lab runs in each associated instance with `--vrrp keepalived`: its configuration and release
/// files in the instance's `/run/havip`, its process hosted by the lab.
extension Lab {
    /// Gives every running instance associated with a HaVip a keepalived with its current configuration: reloaded
    /// (SIGHUP) when the configuration changed, started when the instance (re)started or its configuration changed,
    /// stopped when it has no HaVip left. One that ended on its own stays ended until then, as on a real host.
    func syncKeepalived(restarted: Set<String>) async throws(LabError) {
        for id in keepaliveds.keys where layout.namespaces[id] == nil { keepaliveds[id] = nil }
        guard configuration.vrrp == .keepalived else { return }
        for namespace in layout.namespaces.values.sorted(by: { $0.name < $1.name }) {
            let id = namespace.instanceId
            let wanted =
                namespace.isRunning
                ? KeepalivedConfiguration(instanceId: id, layout: layout, advertisementInterval: configuration.advertisementInterval) : nil
            let current = keepaliveds[id]
            guard let wanted else {
                if let pid = current?.pid { kill(pid, SIGTERM) }
                keepaliveds[id] = nil
                continue
            }
            let changed = current?.configuration != wanted
            if let pid = current?.pid, !restarted.contains(id) {
                if changed {
                    try writeKeepalivedFiles(wanted, in: namespace)
                    await reload(pid)
                }
                keepaliveds[id]?.configuration = wanted
            } else if changed || restarted.contains(id) {
                try writeKeepalivedFiles(wanted, in: namespace)
                keepaliveds[id] = RunningKeepalived(configuration: wanted, pid: nil)
                try await launchKeepalived(in: namespace)
            }
        }
    }

    func launchKeepalived(in namespace: LabLayout.Namespace) async throws(LabError) {
        guard let kernel, let processes, let keepalived = kernel.tools.keepalived, let wanted = keepaliveds[namespace.instanceId]?.configuration
        else { return }
        let inside = KeepalivedConfiguration.directoryInside
        let command = [keepalived, "--dont-fork", "--log-console", "--log-detail", "--no-syslog", "--vrrp", "--use-file=\(inside)/keepalived.conf"]
        let instanceId = namespace.instanceId
        let pid = try await processes.launch(
            names.execArguments(namespace: namespace.name, command: command, ip: kernel.tools.ip),
            logPath: labFile(namespace, "keepalived.log")
        ) { pid, result in
            await self.keepalivedEnded(instanceId: instanceId, pid: pid, result: result)
        }
        keepaliveds[instanceId] = RunningKeepalived(configuration: wanted, pid: pid)
        logger.debug("lab: keepalived started", metadata: ["instance": "\(instanceId)", "pid": "\(pid)"])
    }

    /// SIGHUP to a keepalived, once it handles the signal: one launched a moment ago (by the previous reconcile, when
    /// a second instance is associated right after the first) may still be `ip netns exec` or a keepalived starting
    /// up, and SIGHUP's default action would end it, for good. It waits up to ``reloadReadiness`` for keepalived to
    /// take SIGHUP over (``handlesHangup(_:)``), then sends it anyway.
    private func reload(_ pid: Int32) async {
        let deadline = ContinuousClock.now + Self.reloadReadiness
        while !Self.handlesHangup(pid), ContinuousClock.now < deadline {
            guard (try? await Task.sleep(for: .milliseconds(10))) != nil else { break }
        }
        kill(pid, SIGHUP)
    }

    static let reloadReadiness = Duration.seconds(3)

    /// Whether the process has taken SIGHUP over: caught (`SigCgt` in `/proc/PID/status`) or blocked (`SigBlk`:
    /// keepalived blocks its signals and reads them from a signalfd), bit 0 of either mask.
    static func handlesHangup(_ pid: Int32) -> Bool {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return false }
        return status.split(separator: "\n").contains { line in
            guard line.hasPrefix("SigCgt:") || line.hasPrefix("SigBlk:"),
                let mask = UInt64(line.dropFirst("SigXxx:".count).trimmingCharacters(in: .whitespaces), radix: 16)
            else { return false }
            return mask & 1 != 0
        }
    }

    private func keepalivedEnded(instanceId: String, pid: Int32, result: LabCommandResult) {
        logger.debug("lab: keepalived ended", metadata: ["instance": "\(instanceId)", "pid": "\(pid)", "status": "\(result.status)"])
        if keepaliveds[instanceId]?.pid == pid { keepaliveds[instanceId]?.pid = nil }
    }

    private func writeKeepalivedFiles(_ wanted: KeepalivedConfiguration, in namespace: LabLayout.Namespace) throws(LabError) {
        try write(wanted.text, to: labFile(namespace, "keepalived.conf"))
        for haVipId in wanted.haVipIds {
            let path = labFile(namespace, KeepalivedConfiguration.releaseFile(haVipId: haVipId))
            if !FileManager.default.fileExists(atPath: path) { try write("0\n", to: path) }
        }
    }

    func writeRelease(_ release: Bool, haVipId: String, in namespace: LabLayout.Namespace) throws(LabError) {
        try write(release ? "1\n" : "0\n", to: labFile(namespace, KeepalivedConfiguration.releaseFile(haVipId: haVipId)))
    }

    /// A file of the lab's in the namespace's `/run/havip`.
    private func labFile(_ namespace: LabLayout.Namespace, _ name: String) -> String {
        names.runDirectory(ofNamespace: namespace.name) + "/havip/" + name
    }

    private func write(_ text: String, to path: String) throws(LabError) {
        do {
            // In place, not renamed over: keepalived watches its track files for writes.
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        } catch {
            throw .file(path: path, reason: "\(error)")
        }
    }
}
