/// A Swift type a ``Column`` can hold, and how it is kept as a ``SQLValue``.
///
/// Reading is as lenient as the stores need (SQLite hands back what was written; PostgreSQL may answer a
/// number where havip wrote text in hand-written SQL); anything else is ``StoreError/corruptRow(_:)``.
public protocol SQLConvertible: Sendable {
    /// The value as stored.
    var sqlValue: SQLValue { get }
    /// The value read back from the store.
    init(sqlValue: SQLValue) throws
}

extension String: SQLConvertible {
    public var sqlValue: SQLValue { .text(self) }

    public init(sqlValue: SQLValue) throws {
        switch sqlValue {
        case .text(let text): self = text
        case .integer(let value): self = String(value)
        case .null, .real: throw StoreError.corruptRow("\(sqlValue) is not text")
        }
    }
}

extension Int64: SQLConvertible {
    public var sqlValue: SQLValue { .integer(self) }

    public init(sqlValue: SQLValue) throws {
        let value: Int64? =
            switch sqlValue {
            case .integer(let value): value
            case .real(let value): Int64(exactly: value.rounded(.towardZero))
            case .text(let text): Int64(text)
            case .null: nil
            }
        guard let value else { throw StoreError.corruptRow("\(sqlValue) is not an integer") }
        self = value
    }
}

extension Int: SQLConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }

    public init(sqlValue: SQLValue) throws {
        self = Int(try Int64(sqlValue: sqlValue))
    }
}

extension UInt32: SQLConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }

    public init(sqlValue: SQLValue) throws {
        guard let value = UInt32(exactly: try Int64(sqlValue: sqlValue)) else { throw StoreError.corruptRow("\(sqlValue) is not a UInt32") }
        self = value
    }
}

extension Double: SQLConvertible {
    public var sqlValue: SQLValue { .real(self) }

    public init(sqlValue: SQLValue) throws {
        let value: Double? =
            switch sqlValue {
            case .real(let value): value
            case .integer(let value): Double(value)
            case .text(let text): Double(text)
            case .null: nil
            }
        guard let value else { throw StoreError.corruptRow("\(sqlValue) is not a number") }
        self = value
    }
}

extension AccountID: SQLConvertible {
    public var sqlValue: SQLValue { .text(rawValue) }

    public init(sqlValue: SQLValue) throws {
        self.init(try String(sqlValue: sqlValue))
    }
}

/// A flag, kept as the integer 0 or 1 (both databases compare it as a number).
extension Bool: SQLConvertible {
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }

    public init(sqlValue: SQLValue) throws {
        switch try Int64(sqlValue: sqlValue) {
        case 0: self = false
        case 1: self = true
        default: throw StoreError.corruptRow("\(sqlValue) is not a flag")
        }
    }
}

/// NULL is nil.
extension Optional: SQLConvertible where Wrapped: SQLConvertible {
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }

    public init(sqlValue: SQLValue) throws {
        if case .null = sqlValue {
            self = nil
        } else {
            self = try Wrapped(sqlValue: sqlValue)
        }
    }
}

/// A list of IDs, kept as one comma-separated text (IDs never hold a comma).
extension Array: SQLConvertible where Element == String {
    public var sqlValue: SQLValue { .text(joined(separator: ",")) }

    public init(sqlValue: SQLValue) throws {
        self = try String(sqlValue: sqlValue).split(separator: ",").map(String.init)
    }
}

/// A closed set of values (a status, a type) is kept as its raw value, the same text the API shows.
extension SQLConvertible where Self: RawRepresentable, RawValue == String {
    public var sqlValue: SQLValue { .text(rawValue) }

    public init(sqlValue: SQLValue) throws {
        guard let value = Self(rawValue: try String(sqlValue: sqlValue)) else { throw StoreError.corruptRow("\(sqlValue) is not a \(Self.self)") }
        self = value
    }
}
