import ArgumentParser

extension Ctl.Snapshot {
    /// `havip ctl snapshot list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the saved snapshots.")

        @OptionGroup var control: ControlOptions

        func run() async throws {
            try await control.run { client in try printJSON(try await client.snapshots()) }
        }
    }
}
