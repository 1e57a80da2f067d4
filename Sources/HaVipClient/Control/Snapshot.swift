/// A saved state: `{"name": "before", "createdAt": "2026-05-01T10:00:00Z", "resources": 12}`, as
/// `POST /_havip/snapshots` and `POST /_havip/snapshots/{name}/restore` answer it and `GET /_havip/snapshots`
/// lists it (`{"snapshots": [...]}`).
public struct Snapshot: Sendable, Equatable, Codable {
    public let name: String
    /// When it was saved, `yyyy-MM-ddTHH:mm:ssZ`.
    public let createdAt: String
    /// How many resources it holds.
    public let resources: Int

    public init(name: String, createdAt: String, resources: Int) {
        self.name = name
        self.createdAt = createdAt
        self.resources = resources
    }
}
