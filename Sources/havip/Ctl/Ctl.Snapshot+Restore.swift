import ArgumentParser

extension Ctl.Snapshot {
    /// `havip ctl snapshot restore NAME`.
    struct Restore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Bring back exactly the state saved under NAME.")

        @OptionGroup var control: ControlOptions

        @Argument(help: "The snapshot's name.")
        var name: String

        func run() async throws {
            try await control.run { client in try printJSON(try await client.restoreSnapshot(name)) }
        }
    }
}
