import ArgumentParser
import Foundation
import HaVipClient

/// Runs a client subcommand's work with `endpoint`; a failure the server or the network reports is written to
/// stderr and ends the command with exit status 1 (argument-parser's own errors, bad options among them, pass
/// through).
func reportingFailures(reaching endpoint: Endpoint, _ work: () async throws -> Void) async throws {
    do {
        try await work()
    } catch let error as RPCError {
        // The aliyun CLI's shape (its Go SDK's ServerError), so that scripts reading its errors read these.
        var lines = ["ERROR: SDK.ServerError", "ErrorCode: \(error.code)"]
        if let recommend = error.recommend { lines.append("Recommend: \(recommend)") }
        lines.append("RequestId: \(error.requestId ?? "")")
        lines.append("Message: \(error.message)")
        writeToStandardError(lines.joined(separator: "\n"))
        throw ExitCode.failure
    } catch let error as ControlAPIError {
        writeToStandardError("ERROR: \(error)")
        throw ExitCode.failure
    } catch let error as UnexpectedResponse {
        writeToStandardError("ERROR: \(error)")
        throw ExitCode.failure
    } catch let error where !(error is ValidationError || error is ExitCode || error is CleanExit) {
        // The transport's own error (connection refused, a TLS handshake that failed, a timeout).
        writeToStandardError("ERROR: cannot call \(endpoint): \(error)")
        throw ExitCode.failure
    }
}

func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
