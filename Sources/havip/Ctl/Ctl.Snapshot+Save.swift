import ArgumentParser

extension Ctl.Snapshot {
    /// `havip ctl snapshot save NAME`.
    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Save the whole state under NAME.")

        @OptionGroup var control: ControlOptions

        @Argument(help: "The snapshot's name.")
        var name: String

        func run() async throws {
            try await control.run { client in try printJSON(try await client.saveSnapshot(name)) }
        }
    }
}
