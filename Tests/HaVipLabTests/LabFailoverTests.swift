import Foundation
import Testing

@testable import HaVipLab

#if canImport(Glibc)
import Glibc
#endif

/// Failover on real namespaces, bridges, nftables and keepalived (root only; skipped with the reason elsewhere).
@Suite(.needsLab) struct LabFailoverTests {
    let address = LabFixtures.haVipAddress
    let macA = LabFixtures.mac(11)
    let macB = LabFixtures.mac(12)

    @Test func whenTheMastersKeepalivedIsKilledTheOtherInstanceTakesTheAddress() async throws {
        try await LabHarness.withLab("hvt1-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil, "i-a (priority 254) wins the first election")
            #expect(try await LabHarness.ping(lab, address))
            #expect(try await LabHarness.clientNeighbour(lab, address) == macA, "the address answers from i-a's namespace")

            let pid = try #require(LabHarness.keepalivedPID(lab, "i-a"))
            let killed = ContinuousClock.now
            kill(pid, SIGTERM)
            let observed = try #require(await LabHarness.waitForHolder(lab, "i-b", within: .seconds(5)), "i-b never took over")
            let followed = await LabHarness.waitFor(.seconds(5)) { (try? await LabHarness.clientNeighbour(lab, address)) == macB }
            let clientFollowed = ContinuousClock.now - killed
            #expect(observed <= .seconds(3), "observed after \(observed)")
            #expect(followed != nil && clientFollowed <= .seconds(3), "the client's ARP followed after \(clientFollowed)")
            #expect(try await LabHarness.ping(lab, address))
            // The killed keepalived stays dead: nothing restarts it behind the user's back.
            try await Task.sleep(for: .seconds(1))
            #expect(LabHarness.processes(lab, in: "i-a").isEmpty)
            #expect(await lab.holders["havip-1"] == "i-b")
        }
    }

    /// A second association right after the first changes the first instance's configuration while its keepalived
    /// may still be starting: the reload waits until keepalived handles SIGHUP (whose default action would end it),
    /// so the first instance keeps its keepalived and wins the first election.
    @Test func aSecondAssociationRightAfterTheFirstLeavesTheFirstsKeepalivedRunning() async throws {
        try await LabHarness.withLab("hvt12-", topology: LabFixtures.topology(associated: ["i-a"])) { lab in
            try await lab.reconcile(to: LabFixtures.topology())
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil, "i-a (priority 254) wins the first election")
            #expect(LabHarness.processes(lab, in: "i-a").count >= 1, "i-a's keepalived still runs")
            #expect(await LabHarness.waitFor(.seconds(3)) { LabHarness.keepalivedPID(lab, "i-b") != nil } != nil, "i-b's keepalived runs")
        }
    }

    @Test func whenTheMasterStopsTheOtherInstanceTakesTheAddressAndKeepsIt() async throws {
        try await LabHarness.withLab("hvt2-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            #expect(try await LabHarness.ping(lab, address))
            try await lab.reconcile(to: LabFixtures.topology(running: false))
            let observed = try #require(await LabHarness.waitForHolder(lab, "i-b", within: .seconds(5)), "i-b never took over")
            #expect(observed <= .seconds(3))
            // The client's ARP entry follows within the wait (the time target is the takeover above; the whole run's
            // load decides how long the client's namespace takes, so the time is measured in bench/, not here).
            #expect(await LabHarness.waitFor(.seconds(5)) { (try? await LabHarness.clientNeighbour(lab, address)) == macB } != nil)
            #expect(try await LabHarness.ping(lab, address))
            #expect(LabHarness.processes(lab, in: "i-a").isEmpty, "a stopped instance runs nothing")
            let link = try await lab.exec(in: "i-a", ["ip", "-br", "link", "show", "eth0"])
            #expect(link.standardOutput.contains("DOWN"), "\(link.standardOutput)")

            // Started again, i-a gets a new keepalived but does not take the address back (nopreempt).
            try await lab.reconcile(to: LabFixtures.topology())
            #expect(await LabHarness.waitFor(.seconds(3)) { LabHarness.keepalivedPID(lab, "i-a") != nil } != nil)
            try await Task.sleep(for: .seconds(4))
            #expect(await lab.holders["havip-1"] == "i-b")
            #expect(try await LabHarness.clientNeighbour(lab, address) == macB)
        }
    }

    @Test func moveAddressHandsTheAddressToTheGivenInstance() async throws {
        try await LabHarness.withLab("hvt3-") { lab in
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil)
            #expect(try await LabHarness.ping(lab, address))
            #expect(try await LabHarness.clientNeighbour(lab, address) == macA)
            let clock = ContinuousClock()
            let started = clock.now
            try await lab.moveAddress(haVip: "havip-1", to: "i-b")
            #expect(clock.now - started <= .seconds(3), "the move took \(clock.now - started)")
            #expect(await lab.holders["havip-1"] == "i-b")
            #expect(await LabHarness.waitFor(.seconds(2)) { (try? await LabHarness.clientNeighbour(lab, address)) == macB } != nil)
            #expect(try await LabHarness.ping(lab, address))
            // i-a, released again, stays a backup.
            try await Task.sleep(for: .seconds(4))
            #expect(await lab.holders["havip-1"] == "i-b")

            await #expect(throws: LabError.cannotHold(haVip: "havip-1", holder: "i-c", reason: "it is not associated with the HaVip")) {
                try await lab.moveAddress(haVip: "havip-1", to: "i-c")
            }
            await #expect(throws: LabError.unknownHaVip("havip-9")) { try await lab.moveAddress(haVip: "havip-9", to: "i-a") }
            try await lab.reconcile(to: LabFixtures.topology(running: false))
            await #expect(throws: LabError.cannotHold(haVip: "havip-1", holder: "i-a", reason: "its instance is not running")) {
                try await lab.moveAddress(haVip: "havip-1", to: "i-a")
            }
        }
    }

    @Test func withoutVRRPMoveAddressMovesTheAddressAndAnnouncesIt() async throws {
        try await LabHarness.withLab("hvt4-", vrrp: .none) { lab in
            #expect(LabHarness.processes(lab, in: "i-a").isEmpty, "no keepalived with --vrrp none")
            #expect(await lab.holders.isEmpty)
            try await lab.moveAddress(haVip: "havip-1", to: "i-a")
            #expect(try await LabHarness.ping(lab, address))
            #expect(try await LabHarness.clientNeighbour(lab, address) == macA)
            try await lab.moveAddress(haVip: "havip-1", to: "i-b")
            #expect(await lab.holders["havip-1"] == "i-b")
            #expect(await LabHarness.waitFor(.seconds(2)) { (try? await LabHarness.clientNeighbour(lab, address)) == macB } != nil)
            #expect(try await LabHarness.ping(lab, address))
            let onA = try await lab.exec(in: "i-a", ["ip", "-br", "addr", "show", "eth0"])
            #expect(!onA.standardOutput.contains(address), "i-a gave the address up")
        }
    }

    @Test func withoutVRRPTheUsersOwnKeepalivedRunsInEachInstance() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("hvt5-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try await LabHarness.withLab("hvt5-", vrrp: .none) { lab in
            // What a team would bring: its own configuration, one per host, started as on a real host (keepalived
            // forks into the background and writes /run/keepalived.pid, which is per instance in the lab).
            for (name, me, peer, priority) in [("a", "10.77.1.11", "10.77.1.12", 100), ("b", "10.77.1.12", "10.77.1.11", 90)] {
                let path = directory.appendingPathComponent("mine-\(name).conf").path
                try """
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority \(priority)
                    advert_int 1
                    unicast_src_ip \(me)
                    unicast_peer {
                        \(peer)
                    }
                    virtual_ipaddress {
                        \(address)
                    }
                }
                """.write(toFile: path, atomically: true, encoding: .utf8)
                let started = try await lab.exec(in: "i-\(name)", ["keepalived", "-f", path])
                #expect(started.succeeded, "\(started.standardError)")
            }
            #expect(await LabHarness.waitForHolder(lab, "i-a") != nil, "the users' keepalived elected i-a")
            #expect(try await LabHarness.ping(lab, address))
            #expect(try await LabHarness.clientNeighbour(lab, address) == macA)
            #expect(LabHarness.processes(lab, in: "i-b").count >= 1, "i-b's keepalived runs too")
        }
    }
}
