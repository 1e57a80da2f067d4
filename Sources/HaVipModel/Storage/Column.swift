/// A column of a record's table: its SQL name tied to one property of the record (a key path), and so
/// to the property's Swift type.
///
/// Each record declares its columns once, as the properties of its `Columns` (``StoredRecord/column``);
/// the table's column list, the values written, the decoding of rows, and every condition and order
/// (``Condition``, ``Order``) come from there. A misspelt column is then a compile error, and a
/// condition only takes a column of the queried record with a value of the column's type.
public struct Column<Record: StoredRecord, Value: SQLConvertible>: Sendable {
    /// The column's SQL name.
    public let name: String
    let read: @Sendable (Record) -> SQLValue
    /// Sets the property from a stored value; nil for a column computed from other properties.
    let write: (@Sendable (inout Record, SQLValue) throws -> Void)?
    /// The property, and where it lives in the record (nil for a computed one): what ``RecordSchema`` checks
    /// the columns against (every stored property has exactly one).
    let property: any PartialKeyPath<Record> & Sendable
    let offset: Int?

    /// The column of a stored property: written with the record, read back into it.
    ///
    /// The closures capture a key path literal: in an optimised build the compiler specialises each
    /// closure for its key path (capture propagation), so a read or write is a plain field access.
    init(_ keyPath: any WritableKeyPath<Record, Value> & Sendable, _ name: String) {
        self.name = name
        read = { record in record[keyPath: keyPath].sqlValue }
        write = { record, value in record[keyPath: keyPath] = try Value(sqlValue: value) }
        property = keyPath
        offset = MemoryLayout<Record>.offset(of: keyPath)
    }

    /// A column computed from other properties (a composite primary key): written with the record, never
    /// read back (the properties it is made of are).
    init(computed keyPath: any KeyPath<Record, Value> & Sendable, _ name: String) {
        self.name = name
        read = { record in record[keyPath: keyPath].sqlValue }
        write = nil
        property = keyPath
        offset = nil
    }
}

/// A column with its value type forgotten, as ``RecordSchema`` gathers them.
protocol AnyColumn<Record>: Sendable {
    associatedtype Record: StoredRecord
    var name: String { get }
    var read: @Sendable (Record) -> SQLValue { get }
    var write: (@Sendable (inout Record, SQLValue) throws -> Void)? { get }
    var property: any PartialKeyPath<Record> & Sendable { get }
    var offset: Int? { get }
    var holdsAccount: Bool { get }
}

extension Column: AnyColumn {
    var holdsAccount: Bool { Value.self == AccountID.self }
}
