import Foundation
import RPCWire

/// ClientToken idempotency: the same token with the same parameters returns the first result; with
/// other parameters, `IdempotentParameterMismatch`. Runs in the operation's own transaction, so the
/// result and the token are committed together.
public enum Idempotency {
    public static func run(
        _ tx: some StoreTransaction, _ context: OperationContext, action: String, clientToken: String?, fingerprint: String,
        _ body: () throws -> RPCResponse
    ) throws -> RPCResponse {
        guard let clientToken else { return try body() }
        let key = IdempotencyRecord.key(action: action, clientToken: clientToken)
        if let previous = try tx.fetch(IdempotencyRecord.self, key, account: context.account) {
            guard previous.fingerprint == fingerprint else { throw APIError.idempotentParameterMismatch }
            return try JSONDecoder().decode(RPCResponse.self, from: Data(previous.response.utf8))
        }
        // Take the token before doing anything: a concurrent duplicate then waits on this row (PostgreSQL)
        // or follows this transaction (SQLite), conflicts, runs again and finds the result below.
        var record = IdempotencyRecord(
            account: context.account, action: action, clientToken: clientToken, fingerprint: fingerprint, response: "", createdAt: context.now)
        try tx.insert(record)
        let response = try body()
        record.response = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
        try tx.update(record)
        return response
    }
}
