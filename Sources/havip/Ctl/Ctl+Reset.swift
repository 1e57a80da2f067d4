import ArgumentParser

extension Ctl {
    /// `havip ctl reset [--account A]`.
    struct Reset: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete every resource (of one account, or of all); access keys stay.")

        @OptionGroup var control: ControlOptions

        @Option(help: "Only this account's resources.")
        var account: String?

        func run() async throws {
            try await control.run { client in try printJSON(try await client.reset(account: account)) }
        }
    }
}
