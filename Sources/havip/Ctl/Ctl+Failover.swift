import ArgumentParser

extension Ctl {
    /// `havip ctl failover HAVIP --to INSTANCE`.
    struct Failover: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Move a HaVip's master to another associated, running instance or ENI, as keepalived would.")

        @OptionGroup var control: ControlOptions

        @Argument(help: "The HaVip's ID.")
        var haVipId: String

        @Option(help: "The instance or ENI to become the master.")
        var to: String

        func run() async throws {
            try await control.run { client in try printJSON(try await client.failover(haVipId: haVipId, to: to)) }
        }
    }
}
