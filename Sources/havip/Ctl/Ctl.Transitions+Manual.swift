import ArgumentParser

extension Ctl.Transitions {
    /// `havip ctl transitions manual`.
    struct Manual: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Hold every transient status until `havip ctl transitions step` advances it.")

        @OptionGroup var control: ControlOptions

        func run() async throws {
            try await control.run { client in try printJSON(try await client.setTransitions(.manual)) }
        }
    }
}
