/// A condition of a ``Query``: a test on one of the record's columns, or on the record's tags. Only the
/// typed builders make one (``equals(_:_:)`` and its siblings), so a condition always names a column of
/// the queried record and compares it with a value of the column's type.
public struct Condition<Record: StoredRecord>: Sendable {
    /// What a condition tests, for the stores to compile.
    public enum Test: Sendable {
        case equals(SQLValue)
        case notEquals(SQLValue)
        case lessOrEqual(SQLValue)
        case greaterOrEqual(SQLValue)
        /// An empty list matches nothing.
        case isIn([SQLValue])
        case isNull
        case isNotNull
    }

    public enum Kind: Sendable {
        /// The named column passes the test.
        case column(String, Test)
        /// The record (by its primary key) carries the tag `key` (with `value`, when given) in the tags table.
        case hasTag(ResourceType, key: String, value: String?)
        /// No row matches.
        case never
        /// The row comes after the values in the order of the columns: `(c1, c2) > (v1, v2)`.
        case after([String], [SQLValue])
    }

    public let kind: Kind

    init(_ kind: Kind) {
        self.kind = kind
    }

    public static func equals<Value>(_ column: Column<Record, Value>, _ value: Value) -> Self {
        Self(.column(column.name, .equals(value.sqlValue)))
    }

    public static func notEquals<Value>(_ column: Column<Record, Value>, _ value: Value) -> Self {
        Self(.column(column.name, .notEquals(value.sqlValue)))
    }

    public static func lessOrEqual<Value>(_ column: Column<Record, Value>, _ value: Value) -> Self {
        Self(.column(column.name, .lessOrEqual(value.sqlValue)))
    }

    public static func greaterOrEqual<Value>(_ column: Column<Record, Value>, _ value: Value) -> Self {
        Self(.column(column.name, .greaterOrEqual(value.sqlValue)))
    }

    /// One of `values`; an empty list matches nothing.
    public static func isIn<Value>(_ column: Column<Record, Value>, _ values: [Value]) -> Self {
        Self(.column(column.name, .isIn(values.map(\.sqlValue))))
    }

    /// `values.count == 1 ? equals : isIn`, so that a single value keeps the simpler statement.
    public static func oneOf<Value>(_ column: Column<Record, Value>, _ values: [Value]) -> Self {
        values.count == 1 ? equals(column, values[0]) : isIn(column, values)
    }

    public static func isNull<Value>(_ column: Column<Record, Value?>) -> Self {
        Self(.column(column.name, .isNull))
    }

    public static func isNotNull<Value>(_ column: Column<Record, Value?>) -> Self {
        Self(.column(column.name, .isNotNull))
    }

    /// The column holds the value a request names by its wire text; a text that names no value matches nothing.
    public static func equals<Value: RawRepresentable<String>>(_ column: Column<Record, Value>, named text: String) -> Self {
        isIn(column, Value(rawValue: text).map { [$0] } ?? [])
    }

    /// The optional column holds the value a request names by its wire text; a text that names no value matches nothing.
    public static func equals<Value: RawRepresentable<String>>(_ column: Column<Record, Value?>, named text: String) -> Self {
        isIn(column, Value(rawValue: text).map { [$0] } ?? [])
    }

    /// The row comes after (`first`, `second`) in the order of those two columns (a token page's cursor).
    public static func after<First, Second>(_ first: Column<Record, First>, _ firstValue: First, then second: Column<Record, Second>, _ secondValue: Second) -> Self {
        Self(.after([first.name, second.name], [firstValue.sqlValue, secondValue.sqlValue]))
    }

    /// No row matches (a filter no resource can pass, e.g. `IsDefault=true`: havip makes no default VPC).
    public static var never: Self { Self(.never) }

    /// The record's own primary key equals `key`.
    static func hasKey(_ key: SQLValue) -> Self {
        Self(.column(Record.schema.keyName, .equals(key)))
    }
}

extension Condition where Record: TaggableRecord {
    /// The record carries the tag `key` (with `value`, when given).
    public static func hasTag(_ key: String, value: String?) -> Self {
        Self(.hasTag(Record.resourceType, key: key, value: value))
    }
}
