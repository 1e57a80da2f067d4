import ArgumentParser
import Foundation
import HaVipClient

extension Ctl {
    /// `havip ctl requests [--action A] [--account A] [--limit N] [--follow]`.
    struct Requests: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the request journal: the last API requests, oldest first, signatures and secrets removed.",
            discussion: """
                With --follow, the journal is polled every --interval seconds for --follow-for seconds at most, and \
                every entry is printed as one JSON line, each new one as it arrives.
                """)

        @OptionGroup var control: ControlOptions

        @Option(help: "Only requests of this action.")
        var action: String?

        @Option(help: "Only requests of this account.")
        var account: String?

        @Option(help: "At most this many entries (default: the server's).")
        var limit: Int?

        @Flag(help: "Keep polling for new entries.")
        var follow = false

        @Option(help: "Seconds between two polls with --follow.")
        var interval = 1.0

        @Option(help: "Seconds to follow before stopping.")
        var followFor = 600.0

        func validate() throws {
            if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
            guard interval > 0, interval.isFinite, followFor >= 0, followFor.isFinite else {
                throw ValidationError("--interval must be positive and --follow-for 0 or more")
            }
        }

        func run() async throws {
            try await control.run { client in
                let page = try await client.requests(action: action, account: account, limit: limit)
                guard follow else { return try printJSON(page) }
                var follower = JournalFollower()
                try printLines(follower.newEntries(page))
                let clock = ContinuousClock()
                let deadline = clock.now + .seconds(followFor)
                while clock.now + .seconds(interval) <= deadline {
                    try await Task.sleep(for: .seconds(interval))
                    try printLines(follower.newEntries(try await client.requests(action: action, account: account, limit: limit)))
                }
            }
        }

        /// Each entry as one line of JSON, written at once.
        private func printLines(_ entries: [JournalEntry]) throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            for entry in entries { announce(String(decoding: try encoder.encode(entry), as: UTF8.self)) }
        }
    }
}
