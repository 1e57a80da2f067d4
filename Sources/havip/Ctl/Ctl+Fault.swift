import ArgumentParser

extension Ctl {
    /// `havip ctl fault add|list|clear`.
    struct Fault: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Make matching API requests fail or slow down; list or clear the faults in force.",
            subcommands: [Add.self, List.self, Clear.self])
    }
}
