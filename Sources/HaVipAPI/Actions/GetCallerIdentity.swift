import HaVipModel
import RPCWire

/// STS `GetCallerIdentity`: who the access key belongs to. Every havip key is an account's own key.
enum GetCallerIdentity: RPCAction {
    static let name = "GetCallerIdentity"
    static let product = Product.sts

    static func run(_ call: ActionCall) async throws -> RPCResponse {
        let account = call.account.rawValue
        return RPCResponse([
            .init("IdentityType", "Account"),
            .init("AccountId", .string(account)),
            .init("PrincipalId", .string(account)),
            .init("UserId", .string(account)),
            .init("Arn", .string("acs:ram::\(account):root")),
        ])
    }
}
