@testable import HaVipLab

/// A vSwitch 10.77.1.0/24 with three instances (i-a, i-b, i-c) and a HaVip 10.77.1.100 associated with i-a then i-b.
enum LabFixtures {
    static let vSwitch = LabTopology.VSwitch(id: "vsw-1", cidrBlock: "10.77.1.0/24")
    static let haVipAddress = "10.77.1.100"

    static func instance(_ name: String, host: Int, running: Bool = true) -> LabTopology.Instance {
        LabTopology.Instance(
            id: "i-\(name)", vSwitchId: vSwitch.id, privateIpAddress: "10.77.1.\(host)", macAddress: mac(host),
            primaryNetworkInterfaceId: "eni-primary-\(name)", isRunning: running)
    }

    static func mac(_ host: Int) -> String { "00:16:3e:00:01:\(String(host, radix: 16).count == 1 ? "0" : "")\(String(host, radix: 16))" }

    static func topology(running a: Bool = true, b: Bool = true, associated: [String] = ["i-a", "i-b"]) -> LabTopology {
        LabTopology(
            vSwitches: [vSwitch],
            instances: [instance("a", host: 11, running: a), instance("b", host: 12, running: b), instance("c", host: 13)],
            haVips: [LabTopology.HaVip(id: "havip-1", vSwitchId: vSwitch.id, ipAddress: haVipAddress, associatedIds: associated)])
    }
}
