import ArgumentParser

extension Ctl.Snapshot {
    /// `havip ctl snapshot delete NAME`.
    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Delete the snapshot NAME.")

        @OptionGroup var control: ControlOptions

        @Argument(help: "The snapshot's name.")
        var name: String

        func run() async throws {
            try await control.run { client in try await client.deleteSnapshot(name) }
        }
    }
}
