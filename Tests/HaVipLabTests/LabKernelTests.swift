import Foundation
import Subprocess
import Testing

@testable import HaVipLab

#if canImport(Glibc)
import Glibc
#endif

/// The VPC's rule, incremental reconciles and clean-up, on the real kernel (root only; skipped with the reason elsewhere).
@Suite(.needsLab) struct LabKernelTests {
    let address = LabFixtures.haVipAddress

    @Test func anUnassociatedInstanceThatClaimsTheAddressIsNotHeard() async throws {
        try await LabHarness.withLab("hvt6-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            #expect(try await LabHarness.ping(lab, address))
            let names = lab.configuration.names
            let added = try await lab.exec(in: "i-c", ["ip", "addr", "add", "\(address)/32", "dev", "eth0"])
            #expect(added.succeeded, "\(added.standardError)")
            #if os(Linux)
            try await PacketSocket.announce(
                address: try #require(LabIPv4(address)), mac: try #require(ARPPacket.mac(LabFixtures.mac(13))), interface: "eth0",
                inNamespace: names.namespacePath(names.instanceNamespace("i-c")), count: 5)
            #endif
            try await Task.sleep(for: .milliseconds(500))
            #expect(await lab.holders["havip-1"] == "i-a")
            #expect(try await LabHarness.clientNeighbour(lab, address) == LabFixtures.mac(11), "the client still reaches i-a")
            #expect(try await LabHarness.ping(lab, address))
            let rules = try await LabHarness.runner.run(
                [try LabEnvironment.tools(vrrp: .none).ip, "netns", "exec", names.labNamespace, "nft", "list", "chain", "bridge", "havip", "prerouting"])
            let dropped = rules.firstMatch(of: /@allowed counter packets (\d+)/).flatMap { Int($0.1) } ?? 0
            #expect(dropped >= 5, "the VPC dropped i-c's gratuitous ARP: \(rules)")
        }
    }

    @Test func reconcileChangesOnlyWhatChanged() async throws {
        try await LabHarness.withLab("hvt7-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            let names = lab.configuration.names
            func identity(_ instance: String) -> UInt64? {
                var info = stat()
                return stat(names.namespacePath(names.instanceNamespace(instance)), &info) == 0 ? UInt64(info.st_ino) : nil
            }
            let before = (identity("i-a"), identity("i-b"), LabHarness.keepalivedPID(lab, "i-a"))
            try await lab.reconcile(to: LabFixtures.topology())
            var topology = LabFixtures.topology()
            topology.instances.append(LabFixtures.instance("d", host: 14))
            topology.instances.removeAll { $0.id == "i-c" }
            try await lab.reconcile(to: topology)
            #expect(identity("i-a") == before.0 && identity("i-b") == before.1, "i-a and i-b were not rebuilt")
            #expect(LabHarness.keepalivedPID(lab, "i-a") == before.2, "nor was their keepalived restarted")
            #expect(identity("i-c") == nil)
            #expect(try await lab.exec(in: "i-d", ["ping", "-c", "1", "-W", "1", "10.77.1.11"]).succeeded, "i-d reaches i-a on the vSwitch")
            await #expect(throws: LabError.unknownTarget("i-c")) { try await lab.exec(in: "i-c", ["true"]) }
            #expect(await lab.holders["havip-1"] == "i-a")
        }
    }

    @Test func aHaVipAssociatedWithAnENIFloatsOnThatInterface() async throws {
        var topology = LabFixtures.topology()
        topology.networkInterfaces = [
            LabTopology.NetworkInterface(id: "eni-1", vSwitchId: "vsw-1", primaryIpAddress: "10.77.1.21", macAddress: "00:16:3e:00:02:01", instanceId: "i-c")
        ]
        topology.haVips.append(LabTopology.HaVip(id: "havip-2", vSwitchId: "vsw-1", ipAddress: "10.77.1.101", associatedIds: ["eni-1"]))
        try await LabHarness.withLab("hvt8-", topology: topology) { lab in
            #expect(await LabHarness.waitForHolder(lab, "eni-1", haVip: "havip-2") != nil)
            #expect(try await LabHarness.ping(lab, "10.77.1.101"))
            #expect(try await LabHarness.clientNeighbour(lab, "10.77.1.101") == "00:16:3e:00:02:01")
            let interfaces = try await lab.exec(in: "i-c", ["ip", "-br", "addr", "show", "eth1"])
            #expect(interfaces.standardOutput.contains("10.77.1.21/24") && interfaces.standardOutput.contains("10.77.1.101/32"))
        }
    }

    @Test func aChangeTheKernelRefusesEmptiesTheLabAndTheNextReconcileRebuildsIt() async throws {
        try await LabHarness.withLab("hvt11-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            var topology = LabFixtures.topology()
            topology.instances.append(LabFixtures.instance("d", host: 14))
            topology.instances[3].macAddress = "01:16:3e:00:01:0e"  // a multicast address: no interface can have it
            await #expect(throws: LabError.self) { try await lab.reconcile(to: topology) }
            #expect(await lab.holders.isEmpty)
            #expect(try await LabHarness.namespaces(withPrefix: "hvt11-").sorted() == ["hvt11-client", "hvt11-lab"])
            try await lab.reconcile(to: LabFixtures.topology())
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            #expect(try await LabHarness.ping(lab, address))
        }
    }

    @Test func shutdownRemovesEveryNamespaceBridgeAndProcess() async throws {
        var pids: [Int32] = []
        try await LabHarness.withLab("hvt9-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            pids = ["i-a", "i-b"].compactMap { LabHarness.keepalivedPID(lab, $0) }
            #expect(pids.count == 2)
            let exec = try await lab.exec(in: "i-c", ["sh", "-c", "sleep 600 >/dev/null 2>&1 &"])
            #expect(exec.succeeded)
            #expect(LabHarness.processes(lab, in: "i-c").count == 1)
        }
        // withLab checked that no namespace and no runtime directory is left; the keepalived processes are gone too
        // (the namespaces' bridges, veths and nftables table went with them).
        for pid in pids { #expect(kill(pid, 0) == -1 && errno == ESRCH, "keepalived \(pid) is still there") }
    }

    @Test func leftoversOfACrashAreRemovedAtStart() async throws {
        let ip = try LabEnvironment.tools(vrrp: .none).ip
        let prefix = "hvt10-"
        // What a crash leaves: the lab's namespaces, a veth between them, a process inside, its runtime directory.
        try await LabHarness.runner.run([ip, "-batch", "-"], input: "netns add \(prefix)lab\nnetns add \(prefix)i-old\n")
        try await LabHarness.runner.run([ip, "-n", "\(prefix)lab", "link", "add", "p9", "type", "veth", "peer", "name", "eth0", "netns", "\(prefix)i-old"])
        try FileManager.default.createDirectory(atPath: "/run/\(prefix)lab/\(prefix)i-old/run", withIntermediateDirectories: true)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                // Ended by the lab's start: SIGTERM to every process in a leftover namespace.
                _ = try await Subprocess.run(.path(.init(ip)), arguments: ["netns", "exec", "\(prefix)i-old", "sleep", "600"], output: .discarded)
            }
            let names = try LabNames(prefix: prefix)
            let sleeping = await LabHarness.waitFor(.seconds(5)) { !NamespaceProcesses.find(in: ["\(prefix)i-old"], names: names).isEmpty }
            #expect(sleeping != nil)
            try await LabHarness.withLab(prefix, topology: nil) { lab in
                #expect(try await LabHarness.namespaces(withPrefix: prefix).sorted() == ["\(prefix)client", "\(prefix)lab"])
                let links = try await LabHarness.runner.run([ip, "-n", "\(prefix)lab", "-br", "link", "show"])
                #expect(!links.contains("p9"), "\(links)")
                #expect(!FileManager.default.fileExists(atPath: "/run/\(prefix)lab/\(prefix)i-old"))
            }
            try await group.waitForAll()
        }
    }
}
