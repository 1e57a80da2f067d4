import ArgumentParser

extension Ctl.Transitions {
    /// `havip ctl transitions step`.
    struct Step: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Advance every resource in a transient status by one step (in manual mode).")

        @OptionGroup var control: ControlOptions

        func run() async throws {
            try await control.run { client in try printJSON(try await client.stepTransitions()) }
        }
    }
}
