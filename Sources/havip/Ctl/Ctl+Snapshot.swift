import ArgumentParser

extension Ctl {
    /// `havip ctl snapshot save|list|restore|delete`.
    struct Snapshot: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Save the whole state under a name, list the saved states, restore or delete one.",
            subcommands: [Save.self, List.self, Restore.self, Delete.self])
    }
}
