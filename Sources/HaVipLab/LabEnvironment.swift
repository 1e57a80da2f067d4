#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whether this machine can run the lab: Linux, root, network namespaces, and the tools it drives.
public enum LabEnvironment {
    /// Why the lab cannot run here (with `vrrp`), or nil when it can.
    public static func unavailableReason(vrrp: LabConfiguration.VRRP = .keepalived) -> String? {
        do {
            _ = try tools(vrrp: vrrp)
            return nil
        } catch {
            if case .unavailable(let reason) = error { return reason }
            return error.description
        }
    }

    /// The tools' paths, or why the lab cannot run.
    static func tools(vrrp: LabConfiguration.VRRP) throws(LabError) -> LabTools {
        #if os(Linux)
        guard geteuid() == 0 else {
            throw .unavailable("it needs root (it creates network namespaces, bridges and nftables rules); run havip as root")
        }
        guard access("/proc/self/ns/net", F_OK) == 0 else { throw .unavailable("this kernel has no network namespaces") }
        func find(_ tool: String, package: String) throws(LabError) -> String {
            let path = (getenv("PATH").map { String(cString: $0) } ?? "").split(separator: ":").map(String.init)
            for directory in path + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"] where access(directory + "/" + tool, X_OK) == 0 {
                return directory + "/" + tool
            }
            throw .unavailable("\(tool) is not installed (Debian: apt-get install \(package))")
        }
        return LabTools(
            ip: try find("ip", package: "iproute2"), nft: try find("nft", package: "nftables"),
            keepalived: vrrp == .keepalived ? try find("keepalived", package: "keepalived") : nil)
        #else
        throw .unavailable("it runs on Linux only (network namespaces, Linux bridges, nftables)")
        #endif
    }
}

/// Where the tools the lab drives are.
struct LabTools: Sendable {
    var ip: String
    var nft: String
    /// nil with `--vrrp none`.
    var keepalived: String?
}
