import ArgumentParser
import HaVipLab

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `havip lab …`: work inside the data plane of a running `havip serve --dataplane netns`.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Work inside the netns data plane of a running `havip serve --dataplane netns`.",
        subcommands: [Exec.self])

    struct Exec: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a command inside an instance's network namespace, or the client's.",
            discussion: """
                The command runs as if on that host: its interfaces (eth0 on the vSwitch, eth1… for ENIs), its own /run \
                (so keepalived's default pid file is per instance), the host's files otherwise. Examples:
                  havip lab exec client -- ping -c 3 192.168.1.100
                  havip lab exec i-bp1… -- keepalived -f mine.conf
                """)

        @Option(help: "The prefix of the lab's namespaces, as given to `havip serve --lab-prefix`.")
        var labPrefix = LabNames.standard.prefix

        @Argument(help: "An instance ID (i-…), or `client`.")
        var target: String

        @Argument(parsing: .postTerminator, help: "The command and its arguments, after `--`.")
        var command: [String] = []

        func run() throws {
            let names = try LabNames(prefix: labPrefix)
            guard !command.isEmpty else { throw ValidationError("give the command after --: havip lab exec \(target) -- CMD ...") }
            if let reason = LabEnvironment.unavailableReason(vrrp: .none) { throw Failure(reason) }
            let namespace = names.namespace(forTarget: target)
            guard access(names.namespacePath(namespace), F_OK) == 0 else {
                throw Failure(
                    target == LabNames.clientTarget
                        ? "no lab namespace \(namespace): is `havip serve --dataplane netns` running (with --lab-prefix \(labPrefix))?"
                        : "no lab namespace \(namespace): is \(target) an instance of a running `havip serve --dataplane netns` (with --lab-prefix \(labPrefix))?")
            }
            let arguments = names.execArguments(namespace: namespace, command: command)
            var pointers = arguments.map { strdup($0) }
            pointers.append(nil)
            execvp(arguments[0], pointers)
            let failure = errno
            throw Failure("cannot run ip netns exec: \(String(cString: strerror(failure)))")
        }
    }

    /// An error that is not about the command line, so its message comes without the usage.
    struct Failure: Error, CustomStringConvertible {
        var description: String

        init(_ description: String) { self.description = description }
    }
}
