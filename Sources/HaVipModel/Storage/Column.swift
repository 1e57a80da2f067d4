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
    /// Sets the property in a decoded record; nil for a column computed from other properties.
    let decoder: FieldDecoder?
    /// The property, and where it lives in the record (nil for a computed one): what ``RecordSchema`` checks
    /// the columns against (every stored property has exactly one).
    let property: any PartialKeyPath<Record> & Sendable
    let offset: Int?

    /// The column of a stored property: written with the record, read back into it.
    init(_ keyPath: any WritableKeyPath<Record, Value> & Sendable, _ name: String) {
        guard let offset = MemoryLayout<Record>.offset(of: keyPath) else {
            preconditionFailure("\(Record.self).\(name) is not a stored property: declare it with Column(computed:_:)")
        }
        self.name = name
        read = { record in record[keyPath: keyPath].sqlValue }
        decoder = FieldDecoder(Value.self, at: offset)
        property = keyPath
        self.offset = offset
    }

    /// A column computed from other properties (a composite primary key): written with the record, never
    /// read back (the properties it is made of are).
    init(computed keyPath: any KeyPath<Record, Value> & Sendable, _ name: String) {
        self.name = name
        read = { record in record[keyPath: keyPath].sqlValue }
        decoder = nil
        property = keyPath
        offset = nil
    }
}

/// How decoding sets one stored property: straight into its place in the record (its offset, which
/// `MemoryLayout.offset(of:)` gives for a stored property). The common types are plain cases, stored
/// with no call through a closure, no key-path lookup at run time and no reference counting of a
/// closure context (each measured a visible part of a row's decoding); other types (the enums) go
/// through a closure that knows their type.
enum FieldDecoder: Sendable {
    case text(Int)
    case optionalText(Int)
    case real(Int)
    case optionalReal(Int)
    case account(Int)
    case converted(@Sendable (UnsafeMutableRawPointer, SQLValue) throws -> Void)

    init<Value: SQLConvertible>(_ type: Value.Type, at offset: Int) {
        if Value.self == String.self {
            self = .text(offset)
        } else if Value.self == String?.self {
            self = .optionalText(offset)
        } else if Value.self == Double.self {
            self = .real(offset)
        } else if Value.self == Double?.self {
            self = .optionalReal(offset)
        } else if Value.self == AccountID.self {
            self = .account(offset)
        } else {
            self = .converted { record, value in (record + offset).assumingMemoryBound(to: Value.self).pointee = try Value(sqlValue: value) }
        }
    }

    /// Sets the property in `record` (the start of a record whose every stored property is initialised).
    @inline(__always)
    func decode(_ value: SQLValue, into record: UnsafeMutableRawPointer) throws {
        switch self {
        case .text(let offset): (record + offset).assumingMemoryBound(to: String.self).pointee = try String(sqlValue: value)
        case .optionalText(let offset): (record + offset).assumingMemoryBound(to: String?.self).pointee = try String?(sqlValue: value)
        case .real(let offset): (record + offset).assumingMemoryBound(to: Double.self).pointee = try Double(sqlValue: value)
        case .optionalReal(let offset): (record + offset).assumingMemoryBound(to: Double?.self).pointee = try Double?(sqlValue: value)
        case .account(let offset): (record + offset).assumingMemoryBound(to: AccountID.self).pointee = try AccountID(sqlValue: value)
        case .converted(let decode): try decode(record, value)
        }
    }
}

/// A column with its value type forgotten, as ``RecordSchema`` gathers them.
protocol AnyColumn<Record>: Sendable {
    associatedtype Record: StoredRecord
    var name: String { get }
    var read: @Sendable (Record) -> SQLValue { get }
    var decoder: FieldDecoder? { get }
    var property: any PartialKeyPath<Record> & Sendable { get }
    var offset: Int? { get }
    var holdsAccount: Bool { get }
}

extension Column: AnyColumn {
    var holdsAccount: Bool { Value.self == AccountID.self }
}
