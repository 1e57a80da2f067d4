import ArgumentParser
import Foundation
import HaVipClient
import RPCWire

/// `havip vpc|ecs|sts <Action> --Name value ...`: what the product subcommands share.
struct ProductCall: ParsableArguments {
    @Argument(help: "The API action, e.g. DescribeHaVips.")
    var action: String

    @OptionGroup var options: RPCOptions

    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp("The action's parameters as --Name value (or --Name=value), e.g. --Filter.1.Value.1 vpc-x.", valueName: "--Name value"))
    var parameters: [String] = []

    func validate() throws {
        _ = try RPCParameters.parse(parameters)
    }

    /// The parameters to send: the command line's, and `RegionId` from `--region` when they have none.
    var callParameters: [(name: String, value: String)] {
        get throws {
            var parsed = try RPCParameters.parse(parameters)
            if let region = options.region, !parsed.contains(where: { $0.name == "RegionId" }) { parsed.append(("RegionId", region)) }
            return parsed
        }
    }

    /// Calls the action and prints the answer's JSON (indented, keys in the server's order).
    func run(_ product: Product, environment: [String: String] = ProcessInfo.processInfo.environment) async throws {
        let parameters = try callParameters
        let key = try options.credentials(in: environment)
        try await options.connection.run(environment: environment) { connection in
            let answer = try await RPCClient(
                connection: connection, accessKeyId: key.id, accessKeySecret: key.secret, signature: options.signature
            ).call(product, action, parameters)
            print(PrettyJSON.format(answer.body))
        }
    }

    /// The subcommand's configuration for `product`.
    static func configuration(for product: Product) -> CommandConfiguration {
        CommandConfiguration(
            commandName: product.rawValue.lowercased(),
            abstract: "Call an action of \(product.rawValue) \(product.version), as `aliyun \(product.rawValue.lowercased())` does.",
            usage: "havip \(product.rawValue.lowercased()) <Action> [--Name value ...] [options]",
            discussion: """
                Parameters are the action's own, spelled as the API spells them, lists flattened: \
                --RegionId cn-hangzhou --Filter.1.Key VpcId --Filter.1.Value.1 vpc-x. The answer is printed as JSON; \
                an API error prints its code, message and RequestId on stderr and exits with status 1.
                """)
    }
}
