import Logging
import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// What a finished command left behind.
public struct LabCommandResult: Sendable, Equatable {
    /// The exit code, or 128 + the signal that ended it.
    public var status: Int32
    public var standardOutput: String
    public var standardError: String

    public var succeeded: Bool { status == 0 }

    init(_ termination: TerminationStatus, _ standardOutput: String, _ standardError: String) {
        switch termination {
        case .exited(let code): status = Int32(code)
        case .signaled(let signal): status = 128 + Int32(signal)
        }
        self.standardOutput = standardOutput
        self.standardError = standardError
    }
}

/// Runs the tools the lab drives (`ip`, `nft`, `sh`) through swift-subprocess: no shell, output collected up to a bound.
struct CommandRunner: Sendable {
    let logger: Logger

    /// Runs a command and returns its standard output; a non-zero exit throws ``LabError/commandFailed(command:status:output:)``.
    @discardableResult
    func run(_ arguments: [String], input: String? = nil) async throws(LabError) -> String {
        let result = try await attempt(arguments, input: input)
        guard result.succeeded else {
            throw .commandFailed(command: Self.describe(arguments), status: "exit \(result.status)", output: result.standardError)
        }
        return result.standardOutput
    }

    /// Runs a command and returns how it ended, whatever its exit code.
    func attempt(_ arguments: [String], input: String? = nil) async throws(LabError) -> LabCommandResult {
        logger.trace("lab: \(Self.describe(arguments))", metadata: input.map { ["stdin": "\($0)"] } ?? [:])
        let executable = Executable.path(FilePath(arguments[0]))
        let rest = Arguments(Array(arguments.dropFirst()))
        do {
            if let input {
                let result = try await Subprocess.run(
                    executable, arguments: rest, input: .string(input), output: .string(limit: Self.outputLimit),
                    error: .string(limit: Self.outputLimit))
                return LabCommandResult(result.terminationStatus, result.standardOutput, result.standardError)
            }
            let result = try await Subprocess.run(
                executable, arguments: rest, output: .string(limit: Self.outputLimit), error: .string(limit: Self.outputLimit))
            return LabCommandResult(result.terminationStatus, result.standardOutput, result.standardError)
        } catch {
            throw .commandFailed(command: Self.describe(arguments), status: "not run", output: "\(error)")
        }
    }

    /// Enough for `ip -j link show` of a lab with a few thousand interfaces.
    static let outputLimit = 16 << 20

    static func describe(_ arguments: [String]) -> String {
        arguments.map { $0.contains(" ") || $0.isEmpty ? "'\($0)'" : $0 }.joined(separator: " ")
    }
}
