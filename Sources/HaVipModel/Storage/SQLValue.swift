/// A value as the stores keep it: the common ground of SQLite and PostgreSQL column types.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
}
