import Subprocess

#if canImport(System)
import System
#else
import SystemPackage
#endif

/// Runs the lab's long-lived processes (keepalived) as children of the lab's own task group, through swift-subprocess:
/// each is reaped when it ends (its exit reported to `ended`), and torn down (SIGTERM, then SIGKILL) if the lab is
/// cancelled. Its standard output and error go to a log file.
final class ProcessHost: Sendable {
    private struct Launch: Sendable {
        var arguments: [String]
        var logPath: String
        var started: CheckedContinuation<Int32, any Error>
        var ended: @Sendable (Int32, LabCommandResult) async -> Void
    }

    private let launches: AsyncStream<Launch>
    private let continuation: AsyncStream<Launch>.Continuation
    private let gracePeriod: Duration

    init(gracePeriod: Duration) {
        self.gracePeriod = gracePeriod
        (launches, continuation) = AsyncStream.makeStream()
    }

    /// Hosts the processes until ``finish()`` and every process has ended (or the task is cancelled).
    func run() async {
        await withDiscardingTaskGroup { group in
            for await launch in launches {
                group.addTask { await self.host(launch) }
            }
        }
    }

    /// Starts a process; returns its pid once it runs.
    func launch(_ arguments: [String], logPath: String, ended: @escaping @Sendable (Int32, LabCommandResult) async -> Void)
        async throws(LabError) -> Int32
    {
        do {
            return try await withCheckedThrowingContinuation { started in
                let launch = Launch(arguments: arguments, logPath: logPath, started: started, ended: ended)
                if case .terminated = continuation.yield(launch) { started.resume(throwing: LabError.notRunning) }
            }
        } catch let error as LabError {
            throw error
        } catch {
            throw .commandFailed(command: CommandRunner.describe(arguments), status: "not run", output: "\(error)")
        }
    }

    /// No more launches; ``run()`` returns once the running processes have ended.
    func finish() { continuation.finish() }

    private func host(_ launch: Launch) async {
        var started = false
        do {
            let log = try FileDescriptor.open(
                FilePath(launch.logPath), .writeOnly, options: [.create, .append], permissions: [.ownerReadWrite, .groupRead, .otherRead])
            var options = PlatformOptions()
            options.processGroupID = 0  // its own group: a terminal's Ctrl-C reaches havip, which stops it in order
            options.teardownSequence = [.gracefulShutDown(allowedDurationToNextStep: gracePeriod)]
            let result = try await Subprocess.run(
                .path(FilePath(launch.arguments[0])), arguments: Arguments(Array(launch.arguments.dropFirst())), platformOptions: options,
                input: .none, output: .fileDescriptor(log, closeAfterSpawningProcess: true),
                error: .fileDescriptor(log, closeAfterSpawningProcess: false)
            ) { execution in
                started = true
                launch.started.resume(returning: execution.processIdentifier.value)
                return execution.processIdentifier.value
            }
            await launch.ended(result.closureResult, LabCommandResult(result.terminationStatus, "", ""))
        } catch {
            if !started { launch.started.resume(throwing: error) }
        }
    }
}
