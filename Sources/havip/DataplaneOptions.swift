import ArgumentParser
import HaVipDataplane
import HaVipLab
import HaVipModel
import HaVipServer
import Logging

/// `havip serve --dataplane netns [--vrrp keepalived|none] [--lab-prefix havip-]` (docs/dataplane.md).
struct DataplaneOptions: ParsableArguments {
    enum Mode: String, ExpressibleByArgument, CaseIterable {
        /// vSwitches as Linux bridges, instances as network namespaces, HaVips moved by VRRP.
        case netns
    }

    @Option(
        help: """
            netns: a network behind the API (Linux, root): vSwitches as bridges, running instances as network namespaces, \
            HaVip addresses moved by keepalived, MasterInstanceId following the wire (docs/dataplane.md).
            """)
    var dataplane: Mode?

    @Option(help: "With --dataplane netns: keepalived runs VRRP in every associated instance (default), or none (you run yours).")
    var vrrp: LabConfiguration.VRRP?

    @Option(help: "With --dataplane netns: the prefix of every namespace the lab makes, and removes at start as a crash's leftovers (default havip-).")
    var labPrefix: String?

    func validate() throws {
        guard dataplane != nil || (vrrp == nil && labPrefix == nil) else {
            throw ValidationError("--vrrp and --lab-prefix go with --dataplane netns")
        }
        if let labPrefix {
            do { _ = try LabNames(prefix: labPrefix) } catch { throw ValidationError("\(error)") }
        }
    }

    /// Refuses (with the reason) when the data plane was asked for and cannot run on this machine.
    func checkMachine() throws {
        guard dataplane != nil else { return }
        if let reason = LabEnvironment.unavailableReason(vrrp: vrrp ?? .keepalived) {
            throw LabCommand.Failure("havip serve --dataplane netns: \(reason)")
        }
    }

    /// `configuration` with the data plane wired in, when it was asked for.
    func applied(to configuration: ServerConfiguration) throws -> ServerConfiguration {
        guard dataplane != nil else { return configuration }
        let names = try labPrefix.map { try LabNames(prefix: $0) } ?? .standard
        let lab = Lab(configuration: LabConfiguration(names: names, vrrp: vrrp ?? .keepalived), logger: configuration.logger)
        let plane = Dataplane(lab: lab, store: configuration.store, clock: configuration.clock, logger: configuration.logger)
        var configuration = configuration
        configuration.failover = LabFailover(plane)
        configuration.services.append(plane)
        configuration.afterSuccessfulRequest = { plane.storeChanged() }
        return configuration
    }

    /// A line for the start-up announcement, or nil without the data plane.
    var summary: String? {
        guard dataplane != nil else { return nil }
        let prefix = labPrefix ?? LabNames.standard.prefix
        return "data plane: netns (namespaces \(prefix)lab, \(prefix)client, \(prefix)<InstanceId>; vrrp \((vrrp ?? .keepalived).rawValue))"
    }
}

extension LabConfiguration.VRRP: ExpressibleByArgument {}
