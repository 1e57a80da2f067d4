import ArgumentParser

extension Ctl.Fault {
    /// `havip ctl fault clear [ID]`.
    struct Clear: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove the fault ID, or every fault.")

        @OptionGroup var control: ControlOptions

        @Argument(help: "The fault's ID (as `fault add` and `fault list` print it); none for every fault.")
        var id: String?

        func run() async throws {
            try await control.run { client in
                if let id { try await client.deleteFault(id) } else { try await client.clearFaults() }
            }
        }
    }
}
