import ArgumentParser

extension Ctl.Fault {
    /// `havip ctl fault list`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the faults in force.")

        @OptionGroup var control: ControlOptions

        func run() async throws {
            try await control.run { client in try printJSON(try await client.faults()) }
        }
    }
}
