import ArgumentParser

extension Ctl {
    /// `havip ctl transitions [show|delay SECONDS|manual|step]`.
    struct Transitions: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show or set how HaVips advance through Creating, Associating, Unassociating and Deleting.",
            subcommands: [Show.self, Delay.self, Manual.self, Step.self],
            defaultSubcommand: Show.self)
    }
}
