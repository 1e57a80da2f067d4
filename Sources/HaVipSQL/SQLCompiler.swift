import HaVipModel

/// What differs between the SQL the stores speak.
public struct SQLDialect: Sendable {
    /// The placeholder for the n-th bound value (1-based): `?` for SQLite, `$n` for PostgreSQL.
    public let placeholder: @Sendable (Int) -> String
    /// Whether `SELECT … FOR UPDATE` exists (SQLite serialises writers instead).
    public let supportsForUpdate: Bool
    /// Column types for the schema.
    public let realType: String
    public let integerType: String
    /// `LIMIT` for "no limit" before an `OFFSET`.
    public let unlimited: String

    public static let sqlite = SQLDialect(
        placeholder: { _ in "?" }, supportsForUpdate: false, realType: "REAL", integerType: "INTEGER", unlimited: "-1")
    public static let postgres = SQLDialect(
        placeholder: { "$\($0)" }, supportsForUpdate: true, realType: "DOUBLE PRECISION", integerType: "BIGINT", unlimited: "ALL")
}

/// A statement and its bound values.
public struct SQLStatement: Sendable {
    public let sql: String
    public let bindings: [SQLValue]
}

/// Turns the model's generic record operations into SQL. Every value is bound, never spliced; table and
/// column names come from the records' static declarations only.
public struct SQLCompiler: Sendable {
    public let dialect: SQLDialect

    public init(_ dialect: SQLDialect) {
        self.dialect = dialect
    }

    public func select<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        var builder = Builder(dialect: dialect)
        let columns = R.columns.joined(separator: ", ")
        var sql = "SELECT \(columns) FROM \(R.table) WHERE \(builder.whereClause(query))"
        if !query.order.isEmpty {
            sql += " ORDER BY " + query.order.map { "\($0.column) \($0.ascending ? "ASC" : "DESC")" }.joined(separator: ", ")
        }
        if let limit = query.limit { sql += " LIMIT \(builder.bind(.integer(Int64(limit))))" }
        if let offset = query.offset, offset > 0 {
            if query.limit == nil { sql += " LIMIT \(dialect.unlimited)" }
            sql += " OFFSET \(builder.bind(.integer(Int64(offset))))"
        }
        if query.forUpdate && dialect.supportsForUpdate { sql += " FOR UPDATE" }
        return SQLStatement(sql: sql, bindings: builder.bindings)
    }

    public func count<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        var builder = Builder(dialect: dialect)
        let sql = "SELECT COUNT(*) FROM \(R.table) WHERE \(builder.whereClause(query))"
        return SQLStatement(sql: sql, bindings: builder.bindings)
    }

    public func delete<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        var builder = Builder(dialect: dialect)
        let sql = "DELETE FROM \(R.table) WHERE \(builder.whereClause(query))"
        return SQLStatement(sql: sql, bindings: builder.bindings)
    }

    public func insert<R: StoredRecord>(_ record: R) -> SQLStatement {
        var builder = Builder(dialect: dialect)
        let placeholders = record.values.map { builder.bind($0) }.joined(separator: ", ")
        return SQLStatement(
            sql: "INSERT INTO \(R.table) (\(R.columns.joined(separator: ", "))) VALUES (\(placeholders))", bindings: builder.bindings)
    }

    public func update<R: StoredRecord>(_ record: R, account: AccountID) -> SQLStatement {
        var builder = Builder(dialect: dialect)
        let values = record.values
        let assignments = zip(R.columns, values).dropFirst().map { "\($0.0) = \(builder.bind($0.1))" }.joined(separator: ", ")
        let key = builder.bind(values[0])
        let owner = builder.bind(.text(account.rawValue))
        return SQLStatement(
            sql: "UPDATE \(R.table) SET \(assignments) WHERE \(R.primaryKey) = \(key) AND account = \(owner)", bindings: builder.bindings)
    }

    private struct Builder {
        let dialect: SQLDialect
        var bindings: [SQLValue] = []

        mutating func bind(_ value: SQLValue) -> String {
            bindings.append(value)
            return dialect.placeholder(bindings.count)
        }

        mutating func whereClause<R: StoredRecord>(_ query: Query<R>) -> String {
            var parts = ["\(R.table).account = \(bind(.text(query.account.rawValue)))"]
            for condition in query.conditions { parts.append(sql(condition, table: R.table, key: R.primaryKey)) }
            return parts.joined(separator: " AND ")
        }

        mutating func sql(_ condition: Condition, table: String, key: String) -> String {
            switch condition {
            case .equals(let column, let value): return "\(column) = \(bind(value))"
            case .notEquals(let column, let value): return "\(column) <> \(bind(value))"
            case .lessOrEqual(let column, let value): return "\(column) <= \(bind(value))"
            case .greaterOrEqual(let column, let value): return "\(column) >= \(bind(value))"
            case .isNull(let column): return "\(column) IS NULL"
            case .isNotNull(let column): return "\(column) IS NOT NULL"
            case .isIn(let column, let values):
                guard !values.isEmpty else { return "1 = 0" }
                return "\(column) IN (\(values.map { bind($0) }.joined(separator: ", ")))"
            case .hasTag(let resourceType, let tagKey, let value):
                var sql =
                    "EXISTS (SELECT 1 FROM tags WHERE tags.account = \(table).account AND tags.resource_type = \(bind(.text(resourceType)))"
                    + " AND tags.resource_id = \(table).\(key) AND tags.tag_key = \(bind(.text(tagKey)))"
                if let value { sql += " AND tags.tag_value = \(bind(.text(value)))" }
                return sql + ")"
            }
        }
    }
}
