import ArgumentParser

extension Ctl.Transitions {
    /// `havip ctl transitions [show]`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the transition mode in force.")

        @OptionGroup var control: ControlOptions

        func run() async throws {
            try await control.run { client in try printJSON(try await client.transitions()) }
        }
    }
}
