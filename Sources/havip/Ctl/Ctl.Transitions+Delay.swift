import ArgumentParser

extension Ctl.Transitions {
    /// `havip ctl transitions delay SECONDS`.
    struct Delay: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Advance each transient status after SECONDS (decimal; 0 makes every call synchronous).")

        @OptionGroup var control: ControlOptions

        @Argument(help: "Seconds a HaVip stays in a transient status.")
        var seconds: Double

        func validate() throws {
            guard seconds >= 0, seconds.isFinite else { throw ValidationError("SECONDS must be 0 or more") }
        }

        func run() async throws {
            try await control.run { client in try printJSON(try await client.setTransitions(.delay(seconds: seconds))) }
        }
    }
}
