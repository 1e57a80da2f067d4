import ArgumentParser

@main
struct HavipCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "havip",
        abstract: "A local, self-hosted Alibaba Cloud HaVip API (VPC 2016-04-28).",
        subcommands: [Serve.self, Seed.self, Actions.self, VpcCommand.self, EcsCommand.self, StsCommand.self, Ctl.self, LabCommand.self],
        defaultSubcommand: Serve.self)
}
