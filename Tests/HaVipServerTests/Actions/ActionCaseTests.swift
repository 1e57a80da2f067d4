@testable import HaVipAPI
import Testing

/// Every action of the action table, driven through the server's router (signed V1 requests, in process):
/// each at least once to a success and once to an error of the catalogue.
@Suite struct ActionCaseTests {
    @Test(arguments: ActionCases.all)
    func action(_ actionCase: ActionCase) async throws {
        try await actionCase.run()
    }

    /// An action added to the table without a success case and an error case here fails `swift test`.
    @Test func everyActionHasASuccessAndAnErrorCase() {
        for action in ActionTable.all {
            let cases = ActionCases.all.filter { ObjectIdentifier($0.action) == ObjectIdentifier(action) }
            let name = "\(action.name) (\(action.product.version))"
            #expect(cases.contains { $0.isSuccess }, "\(name) has no success case in ActionCases (Tests/HaVipServerTests/Actions)")
            #expect(cases.contains { !$0.isSuccess }, "\(name) has no error case in ActionCases (Tests/HaVipServerTests/Actions)")
        }
        for actionCase in ActionCases.all {
            #expect(
                ActionTable.all.contains { ObjectIdentifier($0) == ObjectIdentifier(actionCase.action) }, "\(actionCase.testDescription): the action is not in ActionTable.all",
                sourceLocation: actionCase.sourceLocation)
        }
    }
}
