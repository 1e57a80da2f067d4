/// A row type the stores can keep: its columns (``Column``s declared once in its `Columns`) and the
/// table they make (``schema``). Every table has an account column, and every query is scoped by it.
public protocol StoredRecord: Sendable {
    /// The record's columns, as `let` properties in table order; the first is the primary key.
    associatedtype Columns: AnyObject, Sendable
    static var column: Columns { get }
    static var schema: RecordSchema<Self> { get }
    var account: AccountID { get }
}

/// The columns every regional resource has.
public protocol RegionalColumns<Record>: AnyObject, Sendable {
    associatedtype Record: StoredRecord
    var id: Column<Record, String> { get }
    var regionId: Column<Record, String> { get }
    var createdAt: Column<Record, Double> { get }
}

/// A resource that lives in one region, identified by its `id`.
public protocol RegionalRecord: StoredRecord where Columns: RegionalColumns<Self> {
    var id: String { get }
    var regionId: String { get }
    /// Listings are ordered by it, then by ID.
    var createdAt: Double { get }
}

/// A resource that carries tags and belongs to a resource group.
public protocol TaggableRecord: RegionalRecord {
    /// The type tags name it by.
    static var resourceType: ResourceType { get }
    var resourceGroupId: String { get set }
}
