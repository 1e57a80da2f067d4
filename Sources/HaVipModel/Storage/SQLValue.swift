/// A value as the stores keep it: the common ground of SQLite and PostgreSQL column types.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    public init(_ text: String?) { self = text.map(SQLValue.text) ?? .null }
    public init(_ integer: Int?) { self = integer.map { .integer(Int64($0)) } ?? .null }
    public init(_ integer: Int64?) { self = integer.map(SQLValue.integer) ?? .null }
    public init(_ real: Double?) { self = real.map(SQLValue.real) ?? .null }
    public init(_ flag: Bool) { self = .integer(flag ? 1 : 0) }
}

/// Reads one stored row in column order, for ``StoredRecord/init(row:)``.
public struct StoredRow: Sendable {
    public let values: [SQLValue]

    public init(_ values: [SQLValue]) {
        self.values = values
    }

    public func text(_ index: Int) throws -> String {
        switch values[index] {
        case .text(let text): return text
        case .integer(let value): return String(value)
        default: throw StoreError.corruptRow("column \(index) is not text")
        }
    }

    public func optionalText(_ index: Int) throws -> String? {
        if case .null = values[index] { return nil }
        return try text(index)
    }

    public func integer(_ index: Int) throws -> Int64 {
        switch values[index] {
        case .integer(let value): return value
        case .real(let value): return Int64(value)
        case .text(let text): if let value = Int64(text) { return value }
        case .null: break
        }
        throw StoreError.corruptRow("column \(index) is not an integer")
    }

    public func int(_ index: Int) throws -> Int { Int(try integer(index)) }

    public func bool(_ index: Int) throws -> Bool { try integer(index) != 0 }

    public func real(_ index: Int) throws -> Double {
        switch values[index] {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .text(let text): if let value = Double(text) { return value }
        case .null: break
        }
        throw StoreError.corruptRow("column \(index) is not a number")
    }

    public func optionalReal(_ index: Int) throws -> Double? {
        if case .null = values[index] { return nil }
        return try real(index)
    }
}

/// Failures of a store, below the level of API errors.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique constraint or a concurrent transaction refused the write (another request got there
    /// first). Stores run the whole transaction again a few times before giving up.
    case conflict(String)
    /// A row could not be read back into its record.
    case corruptRow(String)
    /// The database cannot be reached; requests get `ServiceUnavailable`.
    case unavailable(String)
    /// The database refused a statement for another reason (a bug in havip); requests get `InternalError`.
    case failed(String)
}
