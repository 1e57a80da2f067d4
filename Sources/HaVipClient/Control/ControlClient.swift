import Foundation
import NIOHTTP1
import RPCWire

/// The control API under `/_havip/`: one typed method per endpoint, each request carrying
/// `Authorization: Bearer TOKEN`. A refusal (`{"error", "detail"}` with a 4xx status) throws
/// ``ControlAPIError``; an answer of another shape throws ``UnexpectedResponse``.
public struct ControlClient: Sendable {
    public let connection: HaVipConnection
    private let adminToken: String

    public init(connection: HaVipConnection, adminToken: String) {
        self.connection = connection
        self.adminToken = adminToken
    }

    // MARK: Reset and snapshots

    /// `POST /_havip/reset`: deletes every resource (of `account`, or of all accounts); keys stay.
    public func reset(account: String? = nil) async throws -> ResetResult {
        try await exchange(.POST, "reset", body: AccountBody(account: account))
    }

    /// `POST /_havip/snapshots`: saves the whole state under `name`.
    public func saveSnapshot(_ name: String) async throws -> Snapshot {
        try await exchange(.POST, "snapshots", body: NameBody(name: name))
    }

    /// `GET /_havip/snapshots`.
    public func snapshots() async throws -> [Snapshot] {
        try await exchange(.GET, "snapshots", as: SnapshotList.self).snapshots
    }

    /// `POST /_havip/snapshots/{name}/restore`: brings back exactly what was saved.
    public func restoreSnapshot(_ name: String) async throws -> Snapshot {
        try await exchange(.POST, "snapshots/\(segment(name))/restore")
    }

    /// `DELETE /_havip/snapshots/{name}`.
    public func deleteSnapshot(_ name: String) async throws {
        try await perform(.DELETE, "snapshots/\(segment(name))")
    }

    // MARK: World

    /// `POST /_havip/world`: creates a described world in one call (a ``WorldDocument``, or any JSON such as a
    /// ``JSONValue`` read from a file); answers the IDs by name.
    public func applyWorld(_ document: some Encodable & Sendable) async throws -> WorldIDs {
        try await exchange(.POST, "world", body: document)
    }

    // MARK: Transitions

    /// `GET /_havip/transitions`.
    public func transitions() async throws -> TransitionMode {
        try await exchange(.GET, "transitions")
    }

    /// `PUT /_havip/transitions`; answers the mode now in force.
    public func setTransitions(_ mode: TransitionMode) async throws -> TransitionMode {
        try await exchange(.PUT, "transitions", body: mode)
    }

    /// `POST /_havip/transitions/step`: advances every resource in a transient status by one step.
    public func stepTransitions() async throws -> StepResult {
        try await exchange(.POST, "transitions/step")
    }

    // MARK: Faults

    /// `POST /_havip/faults`; answers the fault with its ID.
    public func addFault(_ rule: FaultRule) async throws -> Fault {
        try await exchange(.POST, "faults", body: rule)
    }

    /// `GET /_havip/faults`.
    public func faults() async throws -> [Fault] {
        try await exchange(.GET, "faults", as: FaultList.self).faults
    }

    /// `DELETE /_havip/faults/{id}`.
    public func deleteFault(_ id: String) async throws {
        try await perform(.DELETE, "faults/\(segment(id))")
    }

    /// `DELETE /_havip/faults`: every fault.
    public func clearFaults() async throws {
        try await perform(.DELETE, "faults")
    }

    // MARK: Failover and the journal

    /// `POST /_havip/havips/{HaVipId}/failover`: the master moves to `instance`, an associated, running instance or ENI.
    public func failover(haVipId: String, to instance: String) async throws -> FailoverResult {
        try await exchange(.POST, "havips/\(segment(haVipId))/failover", body: FailoverBody(to: instance))
    }

    /// `GET /_havip/requests?action=&account=&limit=`: the last requests, oldest first.
    public func requests(action: String? = nil, account: String? = nil, limit: Int? = nil) async throws -> [JournalEntry] {
        let query = [("action", action), ("account", account), ("limit", limit.map(String.init))]
            .compactMap { name, value in value.map { "\(name)=\(PercentEncoding.encode($0))" } }
        let path = query.isEmpty ? "requests" : "requests?" + query.joined(separator: "&")
        return try await exchange(.GET, path, as: JournalPage.self).requests
    }

    // MARK: The exchange

    /// Sends `body` (as JSON, when given) to `/_havip/PATH` and decodes the answer as `Answer`.
    private func exchange<Answer: Decodable>(
        _ method: HTTPMethod, _ path: String, body: (any Encodable)? = nil, as: Answer.Type = Answer.self
    ) async throws -> Answer {
        let answer = try await send(method, path, body: body)
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(answer.body))
        } catch {
            throw UnexpectedResponse(answer, reason: "not the answer of \(method.rawValue) /_havip/\(path): \(error)")
        }
    }

    /// Sends the request and ignores the successful answer's body (`204 No Content`, say).
    private func perform(_ method: HTTPMethod, _ path: String) async throws {
        _ = try await send(method, path, body: nil)
    }

    private func send(_ method: HTTPMethod, _ path: String, body: (any Encodable)?) async throws -> HTTPAnswer {
        var headers = [(name: "authorization", value: "Bearer \(adminToken)"), (name: "accept", value: "application/json")]
        var bytes: [UInt8]?
        if let body {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            bytes = Array(try encoder.encode(body))
            headers.append((name: "content-type", value: "application/json"))
        }
        let answer = try await connection.send(method: method, pathAndQuery: "/_havip/" + path, headers: headers, body: bytes)
        guard answer.isSuccess else {
            guard let refusal = try? JSONDecoder().decode(Refusal.self, from: Data(answer.body)) else {
                throw UnexpectedResponse(answer, reason: "a refusal without {\"error\", \"detail\"}")
            }
            throw ControlAPIError(httpStatus: answer.status, code: refusal.error, detail: refusal.detail)
        }
        return answer
    }

    /// A name as one path segment.
    private func segment(_ name: String) -> String { PercentEncoding.encode(name) }

    private struct Refusal: Decodable {
        let error: String
        let detail: String
    }

    private struct AccountBody: Encodable {
        let account: String?
    }

    private struct NameBody: Encodable {
        let name: String
    }

    private struct FailoverBody: Encodable {
        let to: String
    }

    private struct SnapshotList: Decodable {
        let snapshots: [Snapshot]
    }

    private struct FaultList: Decodable {
        let faults: [Fault]
    }

    private struct JournalPage: Decodable {
        let requests: [JournalEntry]
    }
}
