import Crypto
import HTTPTypes
import HaVipModel
import Hummingbird

/// The tokens the control API accepts.
public enum AdminToken {
    /// The token of a `havip serve` given no `--admin-token`, printed at start-up (like the development
    /// AccessKey) and the default of `havip ctl`.
    public static let development = "havip-dev-admin-token"
}

/// On the control routes that change or read state: a request must carry `Authorization: Bearer TOKEN`
/// with the admin token, else it gets 401 ``APIError/controlUnauthorized`` and nothing runs. The tokens are
/// compared as SHA-256 digests, whose `==` is constant-time (swift-crypto), so neither the token's content
/// nor its length shows in the time an answer takes.
struct AdminTokenMiddleware: RouterMiddleware {
    private let expected: SHA256.Digest

    init(token: String) {
        expected = SHA256.hash(data: Array(token.utf8))
    }

    func handle(
        _ request: Request, context: HaVipRequestContext, next: (Request, HaVipRequestContext) async throws -> Response
    ) async throws -> Response {
        guard let presented = Self.bearerToken(request.headers[.authorization]), SHA256.hash(data: Array(presented.utf8)) == expected else {
            throw ControlError(.controlUnauthorized)
        }
        return try await next(request, context)
    }

    /// The token of an `Authorization: Bearer TOKEN` header (the scheme in any case).
    static func bearerToken(_ header: String?) -> String? {
        guard let header, header.count > 7, header.prefix(7).lowercased() == "bearer " else { return nil }
        return String(header.dropFirst(7).drop { $0 == " " })
    }
}
