import ArgumentParser
import HaVipClient

extension Ctl.Fault {
    /// `havip ctl fault add --action A [--account A] [--count N] [--probability P] [--latency-ms MS] [--preset P | --code C --status S --message M]`.
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make requests of an action fail with an error, or wait, or both; prints the fault with its ID.",
            discussion: """
                The error is a preset (--preset throttling: Throttling.User, 400; --preset service-unavailable: \
                ServiceUnavailable, 503) or --code, --status and --message together. A faulted request changes nothing.
                """)

        @OptionGroup var control: ControlOptions

        @Option(help: "The action to match; * globs allowed (Describe*).")
        var action: String

        @Option(help: "Only this account's requests (default: every account).")
        var account: String?

        @Option(help: "Expire after this many hits (default: never).")
        var count: Int?

        @Option(help: "The chance, 0 to 1, that a matching request is hit (default: 1).")
        var probability: Double?

        @Option(help: "Milliseconds a hit request waits before it is answered.")
        var latencyMs: Int?

        @Option(help: "A real error: throttling or service-unavailable.")
        var preset: FaultPreset?

        @Option(help: "The error code to answer, e.g. OperationConflict.")
        var code: String?

        @Option(help: "The error's HTTP status (400 to 599).")
        var status: Int?

        @Option(help: "The error's message.")
        var message: String?

        func validate() throws {
            let custom = [code == nil, status == nil, message == nil]
            guard custom.allSatisfy({ $0 }) || custom.allSatisfy({ !$0 }) else {
                throw ValidationError("give --code, --status and --message together")
            }
            guard preset == nil || code == nil else { throw ValidationError("give --preset or --code, not both") }
            guard preset != nil || code != nil || latencyMs != nil else {
                throw ValidationError("a fault needs an error (--preset, or --code --status --message), --latency-ms, or both")
            }
            if let status, !(400...599).contains(status) { throw ValidationError("--status must be 400 to 599") }
            if let count, count < 1 { throw ValidationError("--count must be at least 1") }
            if let probability, !(0...1).contains(probability) { throw ValidationError("--probability must be 0 to 1") }
            if let latencyMs, latencyMs < 0 { throw ValidationError("--latency-ms must be 0 or more") }
        }

        /// The rule the options describe.
        var rule: FaultRule {
            let error = preset?.error ?? code.flatMap { code in status.map { InjectedError(code: code, status: $0, message: message ?? "") } }
            return FaultRule(
                action: action, account: account, count: count, probability: probability, latencyMs: latencyMs, error: error)
        }

        func run() async throws {
            try await control.run { client in try printJSON(try await client.addFault(rule)) }
        }
    }
}
