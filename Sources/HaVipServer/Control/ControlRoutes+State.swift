import Foundation
import HaVipModel
import Hummingbird

/// `POST /_havip/reset`, `POST|GET /_havip/snapshots`, `POST /_havip/snapshots/{name}/restore`,
/// `DELETE /_havip/snapshots/{name}`.
extension ControlRoutes {
    func addState(to group: RouterGroup<HaVipRequestContext>) {
        group.post("reset") { request, _ in try await reset(request) }
        group.post("snapshots") { request, _ in try await saveSnapshot(request) }
        group.get("snapshots") { _, _ in try await listSnapshots() }
        group.post("snapshots/:name/restore") { _, context in try await restoreSnapshot(try Self.parameter("name", context)) }
        group.delete("snapshots/:name") { _, context in try await deleteSnapshot(try Self.parameter("name", context)) }
    }

    /// `{"account": "A"}` or `{}` → `{"account": "A", "deleted": 12}`.
    private func reset(_ request: Request) async throws -> Response {
        let account = try await ControlBody.read(request).only(["account"]).string("account")
        let scope = account.map { AccountScope.account(AccountID($0)) } ?? .everyAccount
        let deleted = try await store.write { tx in try ResetOperations.reset(tx, scope: scope) }
        return try Self.json(.ok, ResetAnswer(account: account, deleted: deleted))
    }

    /// `{"name": "before"}` → `201 {"name", "createdAt", "resources"}`: one consistent read of the whole
    /// state, then one write that stores it (replacing a snapshot of that name).
    private func saveSnapshot(_ request: Request) async throws -> Response {
        let name = try await ControlBody.read(request).only(["name"]).requiredString("name")
        let capture = try await store.read { tx in try SnapshotOperations.capture(tx) }
        let now = clock.now()
        let snapshot = try await store.write { tx in try SnapshotOperations.save(tx, name: name, capture: capture, now: now) }
        return try Self.json(.created, SnapshotAnswer(snapshot))
    }

    private func listSnapshots() async throws -> Response {
        let snapshots = try await store.read { tx in try SnapshotOperations.list(tx) }
        return try Self.json(.ok, ["snapshots": snapshots.map(SnapshotAnswer.init)])
    }

    private func restoreSnapshot(_ name: String) async throws -> Response {
        let snapshot = try await store.write { tx in try SnapshotOperations.restore(tx, name: name) }
        return try Self.json(.ok, SnapshotAnswer(snapshot))
    }

    private func deleteSnapshot(_ name: String) async throws -> Response {
        try await store.write { tx in try SnapshotOperations.delete(tx, name: name) }
        return Self.noContent
    }

    /// A path parameter, percent-decoded (the router matched it, so it is there).
    static func parameter(_ name: String, _ context: HaVipRequestContext) throws -> String {
        guard let value = context.parameters.get(name) else { throw APIError.controlInvalidBody("the path has no \(name)") }
        return value.removingPercentEncoding ?? value
    }
}

struct ResetAnswer: Encodable {
    let account: String?
    let deleted: Int
}

struct SnapshotAnswer: Encodable {
    let name: String
    let createdAt: String
    let resources: Int

    init(_ snapshot: StoredSnapshot) {
        name = snapshot.name
        createdAt = ControlRoutes.date(snapshot.createdAt)
        resources = snapshot.resources
    }
}
