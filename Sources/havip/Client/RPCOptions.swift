import ArgumentParser
import HaVipClient
import HaVipModel
import RPCWire

/// The aliyun CLI's options for an RPC call, spelled as it spells them.
struct RPCOptions: ParsableArguments {
    @OptionGroup var connection: EndpointOptions

    @Option(help: "The AccessKey ID (default: $ALIBABA_CLOUD_ACCESS_KEY_ID, else havip's development key).")
    var accessKeyId: String?

    @Option(help: "The AccessKey secret (default: $ALIBABA_CLOUD_ACCESS_KEY_SECRET, else havip's development secret).")
    var accessKeySecret: String?

    @Option(help: "The signature: v3 (ACS3-HMAC-SHA256) or v1 (HMAC-SHA1).")
    var signature = SignatureStyle.v3

    @Option(help: "Sent as RegionId unless the call gives --RegionId itself (as the aliyun CLI does).")
    var region: String?

    func validate() throws {
        guard (accessKeyId == nil) == (accessKeySecret == nil) else {
            throw ValidationError("give --access-key-id and --access-key-secret together")
        }
    }

    /// The key: the options, else the standard environment variables (both, or neither), else the development key.
    func credentials(in environment: [String: String]) throws -> (id: String, secret: String) {
        if let accessKeyId, let accessKeySecret { return (accessKeyId, accessKeySecret) }
        let id = environment["ALIBABA_CLOUD_ACCESS_KEY_ID"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["ALIBABA_CLOUD_ACCESS_KEY_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        switch (id, secret) {
        case (let id?, let secret?): return (id, secret)
        case (nil, nil): return (AccessKey.development.id, AccessKey.development.secret)
        default: throw ValidationError("set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET together")
        }
    }
}

extension SignatureStyle: ExpressibleByArgument {}
