@testable import HaVipAPI
import HaVipModel
import RPCWire
import Testing

/// One request to one action of the action table and what it must answer: a success, checked by `then`
/// (the answer's fields and the state a Describe shows after it), or exactly one error of the catalogue,
/// after which every Describe of the world shows what it showed before.
///
/// `ActionCases.all` holds them; `ActionCaseTests` runs each on a fresh `ActionWorld` and fails for an
/// action of `ActionTable.all` without at least one case of each kind.
struct ActionCase: Sendable, CustomTestStringConvertible {
    enum Outcome: Sendable {
        case succeeds(@Sendable (ActionWorld, ActionExchange) async throws -> Void)
        case fails(APIError)
    }

    let action: any RPCAction.Type
    let label: String
    /// Prepares what the case needs beyond the world (through the API) and answers the request to send.
    let request: @Sendable (ActionWorld) async throws -> ActionRequest
    let outcome: Outcome
    let sourceLocation: SourceLocation

    var testDescription: String { "\(action.name) \(action.product.version): \(label)" }

    var isSuccess: Bool {
        if case .succeeds = outcome { true } else { false }
    }

    /// The action answers 200 to `request`; `then` checks the answer and the state after it.
    static func succeeds(
        _ action: any RPCAction.Type, _ label: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ request: @escaping @Sendable (ActionWorld) async throws -> ActionRequest,
        then: @escaping @Sendable (ActionWorld, ActionExchange) async throws -> Void
    ) -> ActionCase {
        ActionCase(action: action, label: label, request: request, outcome: .succeeds(then), sourceLocation: sourceLocation)
    }

    /// The action answers exactly `error` (status, code and message) to `request`, and changes nothing.
    static func fails(
        _ action: any RPCAction.Type, _ label: String, _ error: APIError, sourceLocation: SourceLocation = #_sourceLocation,
        _ request: @escaping @Sendable (ActionWorld) async throws -> ActionRequest
    ) -> ActionCase {
        ActionCase(action: action, label: label, request: request, outcome: .fails(error), sourceLocation: sourceLocation)
    }

    /// Runs the case on a fresh server and world.
    func run() async throws {
        let server = TestServer()
        try await server.run { client in
            let world = try await ActionWorld.build(server, client)
            let request = try await self.request(world)
            switch outcome {
            case .succeeds(let check):
                let answer = try await world.call(action, request)
                try #require(answer.status == 200, "\(answer.text)", sourceLocation: sourceLocation)
                #expect(answer.body["RequestId"]?.string == answer.requestIdHeader, sourceLocation: sourceLocation)
                try await check(world, ActionExchange(request: request, answer: answer.body))
            case .fails(let error):
                let before = try await world.everything()
                let answer = try await world.call(action, request)
                answer.expect(error, sourceLocation: sourceLocation)
                #expect(try await world.everything() == before, "a failed \(action.name) changed what the Describes show", sourceLocation: sourceLocation)
            }
        }
    }
}

/// A request that succeeded and its answer, for a success case's checks.
struct ActionExchange: Sendable {
    let request: ActionRequest
    let answer: JSONValue

    /// A parameter of the request (`exchange["VpcId"]`), or "" when none was sent.
    subscript(parameter: String) -> String { request[parameter] ?? "" }
}
