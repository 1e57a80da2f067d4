import Foundation
import RPCWire

/// Calls RPC actions of any product havip speaks, signed with RPCWire's ``RequestSigner`` (the code the server
/// verifies), V3 by default.
///
/// ```swift
/// try await HaVipConnection.withConnection(to: .local) { connection in
///     let rpc = RPCClient(connection: connection, accessKeyId: "havip-dev-key", accessKeySecret: "havip-dev-secret")
///     let answer = try await rpc.call(.vpc, "DescribeHaVips", ["RegionId": "cn-hangzhou", "Filter.1.Key": "VpcId", "Filter.1.Value.1": vpcId])
///     print(answer.json["TotalCount"]?.integer ?? 0)
/// }
/// ```
public struct RPCClient: Sendable {
    public let connection: HaVipConnection
    public let signature: SignatureStyle
    private let signer: RequestSigner
    private let now: @Sendable () -> Date

    /// `now` dates each request (`Timestamp`, `x-acs-date`); tests may fix it.
    public init(
        connection: HaVipConnection, accessKeyId: String, accessKeySecret: String, signature: SignatureStyle = .v3,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.connection = connection
        self.signature = signature
        self.signer = RequestSigner(accessKeyId: accessKeyId, secret: accessKeySecret)
        self.now = now
    }

    /// Calls `action` of `product` with `parameters` (flattened lists spelled out: `Filter.1.Value.1`).
    /// Answers the parsed JSON; throws ``RPCError`` for an error envelope, ``UnexpectedResponse`` for an answer
    /// that is not the API's JSON, or the transport's error.
    public func call(_ product: Product, _ action: String, _ parameters: [(name: String, value: String)]) async throws -> RPCResponse {
        let signed = signer.sign(
            signature, product: product, action: action, parameters: parameters, host: connection.endpoint.hostHeader,
            timestamp: Timestamp.format(Int64(now().timeIntervalSince1970)), nonce: UUID().uuidString)
        let answer = try await connection.send(
            method: .init(rawValue: signed.method), pathAndQuery: "/?" + signed.encodedQuery, headers: signed.headers)
        guard let json = try? JSONDecoder().decode(JSONValue.self, from: Data(answer.body)) else {
            throw UnexpectedResponse(answer, reason: "the body is not JSON")
        }
        guard answer.isSuccess else {
            throw RPCError(envelope: json, httpStatus: answer.status) ?? UnexpectedResponse(answer, reason: "an error without a Code")
        }
        return RPCResponse(status: answer.status, body: answer.body, json: json)
    }

    /// ``call(_:_:_:)-(_,_,[(name:String,value:String)])`` with the parameters written as a literal: `["RegionId": "cn-hangzhou"]`.
    public func call(_ product: Product, _ action: String, _ parameters: KeyValuePairs<String, String> = [:]) async throws -> RPCResponse {
        try await call(product, action, parameters.map { (name: $0.key, value: $0.value) })
    }
}
