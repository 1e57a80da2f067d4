import HaVipModel
import RPCWire

extension ActionCall {
    /// The operation context for a region: the caller's account, the clock's time, the ID generator, the page marks.
    public func context(_ region: Region) -> OperationContext {
        OperationContext(
            account: account, regionId: region.id, now: services.clock.now(), ids: services.ids, settings: services.settings,
            pageMarks: services.pageMarks)
    }

    /// Runs a model operation in one write transaction, after finishing the account's due
    /// transitions (HaVips', route entries'). With `idempotent`, a `ClientToken` makes a retry return the first result.
    public func write(
        _ region: Region, idempotent: Bool = false,
        _ body: @escaping @Sendable (any StoreTransaction, OperationContext) throws -> RPCResponse
    ) async throws -> RPCResponse {
        let context = context(region)
        let token = idempotent ? try clientToken() : nil
        let fingerprint = token == nil ? "" : parameters.fingerprint
        let action = self.action
        return try await services.store.write { tx in
            try Transitions.settle(tx, account: context.account, now: context.now)
            return try Idempotency.run(tx, context, action: action, clientToken: token, fingerprint: fingerprint) {
                try body(tx, context)
            }
        }
    }

    /// Runs a query on a consistent snapshot, after finishing the account's due transitions.
    public func read<T: Sendable>(_ region: Region, _ body: @escaping @Sendable (any StoreTransaction, OperationContext) throws -> T) async throws -> T {
        let context = context(region)
        let store = services.store
        // One snapshot answers when nothing is due (the usual case); otherwise settle first, then read.
        let answer: T? = try await store.read { tx in
            try Transitions.anyDue(tx, account: context.account, now: context.now) ? nil : body(tx, context)
        }
        if let answer { return answer }
        try await store.write { tx in try Transitions.settle(tx, account: context.account, now: context.now) }
        return try await store.read { tx in try body(tx, context) }
    }

    /// `ClientToken`: ASCII, at most 64 characters.
    func clientToken() throws(APIError) -> String? {
        guard let token = parameters.optional("ClientToken") else { return nil }
        guard token.count <= 64, token.allSatisfy({ $0.isASCII && !$0.isWhitespace }) else { throw .invalidParameter("ClientToken") }
        return token
    }
}

extension Parameters {
    /// The request's business parameters (common and signature parameters left out), sorted and hashed:
    /// what must be equal for a ClientToken retry.
    var fingerprint: String {
        let common: Set<String> = [
            "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "SignatureType", "Timestamp", "Format",
            "Version", "Action", "ClientToken", "SecurityToken", "OwnerId", "OwnerAccount", "ResourceOwnerId", "ResourceOwnerAccount",
        ]
        let canonical = pairs.filter { !common.contains($0.name) }
            .sorted { ($0.name, $0.value) < ($1.name, $1.value) }
            .map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }
            .joined(separator: "&")
        return SignatureV3.hexSHA256(Array(canonical.utf8))
    }
}
