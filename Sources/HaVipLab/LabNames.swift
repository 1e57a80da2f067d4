/// How the lab names what it makes, from one prefix it owns on this machine (`havip-` unless told otherwise):
/// `havip-lab` (the namespace holding every vSwitch's bridge), `havip-client`, `havip-<InstanceId>`, and the runtime
/// directory `/run/havip-lab`. At start, every namespace whose name begins with the prefix is a leftover and is removed.
public struct LabNames: Sendable, Equatable {
    public let prefix: String

    /// `havip-`.
    public static let standard = LabNames(checkedPrefix: "havip-")

    private init(checkedPrefix: String) { self.prefix = checkedPrefix }

    /// The prefix: 1 to 16 lowercase letters, digits and `-`.
    public init(prefix: String = "havip-") throws(LabError) {
        guard (1...16).contains(prefix.utf8.count),
            prefix.utf8.allSatisfy({ (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) || $0 == UInt8(ascii: "-") })
        else { throw .invalidConfiguration("the lab prefix must be 1 to 16 lowercase letters, digits and -, not \(prefix)") }
        self.prefix = prefix
    }

    /// The namespace that holds the bridges and the nftables rules: the VPC itself.
    public var labNamespace: String { prefix + "lab" }

    /// The namespace to test from, with an interface on every vSwitch.
    public var clientNamespace: String { prefix + "client" }

    public func instanceNamespace(_ instanceId: String) -> String { prefix + instanceId }

    /// `client`, or an instance ID.
    public func namespace(forTarget target: String) -> String {
        target == Self.clientTarget ? clientNamespace : instanceNamespace(target)
    }

    public static let clientTarget = "client"

    /// Generated files and each namespace's own `/run`.
    public var runtimeDirectory: String { "/run/" + prefix + "lab" }

    /// What commands run in the namespace see as `/run`, as a machine gives each of its hosts one: keepalived's default
    /// pid file (`/run/keepalived.pid`) is then one per instance, so a keepalived per instance starts unchanged.
    public func runDirectory(ofNamespace namespace: String) -> String { runtimeDirectory + "/" + namespace + "/run" }

    /// Where a network namespace's name is bound.
    public func namespacePath(_ namespace: String) -> String { "/run/netns/" + namespace }

    /// The command line that runs `command` in a namespace of the lab: `ip netns exec` (which also gives the command
    /// its own mount namespace and `/sys`), then `/run` replaced by the namespace's own run directory.
    public func execArguments(namespace: String, command: [String], ip: String = "ip") -> [String] {
        [ip, "netns", "exec", namespace, "sh", "-c", #"mount --bind "$0" /run && exec "$@""#, runDirectory(ofNamespace: namespace)]
            + command
    }

    func owns(namespace: String) -> Bool { namespace.hasPrefix(prefix) }
}
