/// ClientToken idempotency: the same token with the same parameters returns the first result; with
/// other parameters, `IdempotentParameterMismatch`. Runs in the operation's own transaction, so the
/// result and the token are committed together.
///
/// The result is remembered as an ``IdempotencyPayload`` the result type writes and reads itself: the
/// model never knows what a response looks like.
public enum Idempotency {
    public static func run<Result: IdempotentResult>(
        _ tx: some StoreTransaction, _ context: OperationContext, action: String, clientToken: String?, fingerprint: String,
        _ body: () throws -> Result
    ) throws -> Result {
        guard let clientToken else { return try body() }
        let key = IdempotencyRecord.key(action: action, clientToken: clientToken)
        if let previous = try tx.fetch(IdempotencyRecord.self, key, account: context.account) {
            guard previous.fingerprint == fingerprint else { throw APIError.idempotentParameterMismatch }
            return try Result(idempotencyPayload: previous.response)
        }
        // Take the token before doing anything: a concurrent duplicate then waits on this row (PostgreSQL)
        // or follows this transaction (SQLite), conflicts, runs again and finds the result below.
        var record = IdempotencyRecord(
            account: context.account, action: action, clientToken: clientToken, fingerprint: fingerprint, response: IdempotencyPayload(""),
            createdAt: context.now)
        try tx.insert(record)
        let result = try body()
        record.response = try result.idempotencyPayload()
        try tx.update(record)
        return result
    }
}

/// A result a ClientToken can answer again: written as a payload when first produced, made again from
/// the payload on a retry, by any later version of havip.
public protocol IdempotentResult {
    func idempotencyPayload() throws -> IdempotencyPayload
    init(idempotencyPayload: IdempotencyPayload) throws
}

/// What a ClientToken remembers of a result: text in a format its writer names and versions inside it
/// (the API layer's, for responses). The model stores it and hands it back, and never reads it.
public struct IdempotencyPayload: Sendable, Equatable, SQLConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var sqlValue: SQLValue { .text(text) }

    public init(sqlValue: SQLValue) throws {
        self.init(try String(sqlValue: sqlValue))
    }
}
