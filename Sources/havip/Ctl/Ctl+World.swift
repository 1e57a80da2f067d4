import ArgumentParser

extension Ctl {
    /// `havip ctl world apply FILE`.
    struct World: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a described world (VPCs, vSwitches, instances, HaVips, EIPs) in one call.",
            subcommands: [Apply.self])
    }
}
