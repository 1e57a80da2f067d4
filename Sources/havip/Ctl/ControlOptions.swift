import ArgumentParser
import Foundation
import HaVipClient
import HaVipServer

/// The options of every `havip ctl` subcommand: where the server is and the admin token.
struct ControlOptions: ParsableArguments {
    @OptionGroup var connection: EndpointOptions

    @Option(help: "The control API's token, as `havip serve --admin-token` set it (default: $HAVIP_ADMIN_TOKEN, else the development token a server without --admin-token takes).")
    var adminToken: String?

    /// `--admin-token`, else `HAVIP_ADMIN_TOKEN`, else the development token (what `havip serve` takes without
    /// `--admin-token`), so that the two work together out of the box.
    func token(in environment: [String: String]) throws -> String {
        guard let token = adminToken ?? environment["HAVIP_ADMIN_TOKEN"] else { return AdminToken.development }
        guard !token.isEmpty else { throw ValidationError("the admin token is empty (--admin-token or HAVIP_ADMIN_TOKEN)") }
        return token
    }

    /// Runs `work` with a control client; a refusal or an unreachable server ends the command with status 1.
    func run(
        environment: [String: String] = ProcessInfo.processInfo.environment, _ work: (ControlClient) async throws -> Void
    ) async throws {
        let token = try token(in: environment)
        try await connection.run(environment: environment) { connection in
            try await work(ControlClient(connection: connection, adminToken: token))
        }
    }
}

/// Prints `value` as indented JSON (keys sorted), as the RPC answers are printed.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    print(PrettyJSON.format(Array(try encoder.encode(value))))
}
