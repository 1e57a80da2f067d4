import Foundation
import Logging
import Testing

@testable import HaVipLab

/// Why the lab tests cannot run on this machine (they need Linux, root, network namespaces, nftables and keepalived),
/// or nil. Suites that need the kernel are `.enabled(if:)` on it, so a machine without them shows them skipped, with
/// this reason, never passed.
let labUnavailable = LabEnvironment.unavailableReason(vrrp: .keepalived)

extension Trait where Self == ConditionTrait {
    static var needsLab: Self { .enabled(if: labUnavailable == nil, Comment(rawValue: labUnavailable ?? "")) }
}

/// Runs labs for tests: each under its own prefix (so tests run side by side), always shut down, and checked to have
/// left nothing behind.
enum LabHarness {
    /// Runs `body` with a started lab holding `topology`; shuts the lab down whatever happens, then checks that no
    /// namespace with the prefix, and no runtime directory, is left.
    static func withLab<T>(
        _ prefix: String, vrrp: LabConfiguration.VRRP = .keepalived, topology: LabTopology? = LabFixtures.topology(),
        _ body: (Lab) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "havip.lab.test")
        logger.logLevel = ProcessInfo.processInfo.environment["HAVIP_LAB_LOG"].flatMap { Logger.Level(rawValue: $0) } ?? .warning
        let names = try LabNames(prefix: prefix)
        let lab = Lab(configuration: LabConfiguration(names: names, vrrp: vrrp), logger: logger)
        let outcome: Result<T, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                do { try await lab.run() } catch { Issue.record(error, "the lab failed") }
            }
            let outcome: Result<T, any Error>
            do {
                try await lab.ready()
                if let topology { try await lab.reconcile(to: topology) }
                outcome = .success(try await body(lab))
            } catch {
                outcome = .failure(error)
            }
            lab.shutdown()
            await group.waitForAll()
            return outcome
        }
        #expect(try await namespaces(withPrefix: prefix).isEmpty, "namespaces left behind")
        #expect(!FileManager.default.fileExists(atPath: names.runtimeDirectory), "runtime directory left behind")
        return try outcome.get()
    }

    static func namespaces(withPrefix prefix: String) async throws -> [String] {
        try await runner.run([try LabEnvironment.tools(vrrp: .none).ip, "netns", "list"]).split(separator: "\n")
            .compactMap { $0.split(separator: " ").first.map(String.init) }.filter { $0.hasPrefix(prefix) }
    }

    static let runner = CommandRunner(logger: Logger(label: "havip.lab.test"))

    /// Polls `condition` every 20 ms; returns how long it took to hold, or nil if it did not within `timeout`.
    @discardableResult
    static func waitFor(_ timeout: Duration, _ condition: () async throws -> Bool) async rethrows -> Duration? {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < timeout {
            if try await condition() { return clock.now - start }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return try await condition() ? clock.now - start : nil
    }

    /// The link-layer address the client's neighbour table holds for `address`, if any.
    static func clientNeighbour(_ lab: Lab, _ address: String) async throws -> String? {
        struct Neighbour: Decodable { var lladdr: String? }
        let result = try await lab.exec(in: "client", ["ip", "-j", "neigh", "show", address])
        let entries = try JSONDecoder().decode([Neighbour].self, from: Data(result.standardOutput.utf8))
        return entries.first?.lladdr
    }

    /// Whether the client gets an answer from `address` (one ping, one second).
    static func ping(_ lab: Lab, _ address: String) async throws -> Bool {
        try await lab.exec(in: "client", ["ping", "-c", "1", "-W", "1", address]).succeeded
    }

    /// The pid of the keepalived the lab runs in an instance (its pid file, in the instance's own /run).
    static func keepalivedPID(_ lab: Lab, _ instanceId: String) -> Int32? {
        let names = lab.configuration.names
        let path = names.runDirectory(ofNamespace: names.instanceNamespace(instanceId)) + "/keepalived.pid"
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Processes living in the namespace of `target`.
    static func processes(_ lab: Lab, in target: String) -> [Int32] {
        let names = lab.configuration.names
        return Array(NamespaceProcesses.find(in: [names.namespace(forTarget: target)], names: names).keys)
    }

    /// Waits until `holder` holds the fixture's HaVip (keepalived's first election takes about 3 s).
    static func waitForHolder(_ lab: Lab, _ holder: String, haVip: String = "havip-1", within timeout: Duration = .seconds(10))
        async -> Duration?
    {
        await waitFor(timeout) { await lab.holders[haVip] == holder }
    }
}
