import HaVipModel
import Synchronization

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
///
/// The text of a query depends only on its shape (record type, conditions without their values, order,
/// paging, locking), so it is built once per shape and kept; each call then only gathers the values to
/// bind. Building the text was about 6% of a DescribeHaVips' CPU (bench/RESULTS.md).
public final class SQLCompiler: Sendable {
    public let dialect: SQLDialect
    private let texts = Mutex<[QueryShape: String]>([:])
    /// Shapes differ by the number of values in an `IN` list; past this many kept, texts are built each time.
    private static let maximumKeptShapes = 4096

    public init(_ dialect: SQLDialect) {
        self.dialect = dialect
    }

    public func select<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        statement(.select, query) { builder in
            let columns = R.columns.joined(separator: ", ")
            var sql = "SELECT \(columns) FROM \(R.table) WHERE \(builder.whereClause(query))"
            if !query.order.isEmpty {
                sql += " ORDER BY " + query.order.map { "\($0.column) \($0.ascending ? "ASC" : "DESC")" }.joined(separator: ", ")
            }
            if let limit = query.limit { sql += " LIMIT \(builder.bind(.integer(Int64(limit))))" }
            if let offset = query.offset, offset > 0 {
                if query.limit == nil { sql += " LIMIT \(self.dialect.unlimited)" }
                sql += " OFFSET \(builder.bind(.integer(Int64(offset))))"
            }
            if query.forUpdate && self.dialect.supportsForUpdate { sql += " FOR UPDATE" }
            return sql
        }
    }

    public func count<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        statement(.count, query) { builder in "SELECT COUNT(*) FROM \(R.table) WHERE \(builder.whereClause(query))" }
    }

    public func delete<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        statement(.delete, query) { builder in "DELETE FROM \(R.table) WHERE \(builder.whereClause(query))" }
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

    /// The statement for a query: its text kept per shape (built by `build` the first time), its values
    /// gathered in the order the text binds them (``Query/boundValues(_:)``).
    private func statement<R: StoredRecord>(
        _ kind: QueryShape.Kind, _ query: Query<R>, build: (inout Builder) -> String
    ) -> SQLStatement {
        let shape = QueryShape(kind, query)
        let values = query.boundValues(kind)
        if let sql = texts.withLock({ $0[shape] }) { return SQLStatement(sql: sql, bindings: values) }
        var builder = Builder(dialect: dialect)
        let sql = build(&builder)
        assert(builder.bindings == values, "the bound values of a \(R.table) query are not in the order its text binds them")
        texts.withLock { texts in
            if texts.count < Self.maximumKeptShapes { texts[shape] = sql }
        }
        return SQLStatement(sql: sql, bindings: values)
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

/// What a query's SQL text depends on: everything but the values it binds.
struct QueryShape: Hashable, Sendable {
    enum Kind: UInt8 { case select, count, delete }

    enum ConditionShape: Hashable {
        case equals(String), notEquals(String), lessOrEqual(String), greaterOrEqual(String)
        case isNull(String), isNotNull(String)
        case isIn(String, count: Int)
        case hasTag(withValue: Bool)
    }

    struct OrderShape: Hashable {
        let column: String
        let ascending: Bool
    }

    let kind: Kind
    let record: ObjectIdentifier
    let conditions: [ConditionShape]
    let order: [OrderShape]
    let limited: Bool
    let offset: Bool
    let forUpdate: Bool

    init<R: StoredRecord>(_ kind: Kind, _ query: Query<R>) {
        self.kind = kind
        self.record = ObjectIdentifier(R.self)
        self.conditions = query.conditions.map { condition in
            switch condition {
            case .equals(let column, _): .equals(column)
            case .notEquals(let column, _): .notEquals(column)
            case .lessOrEqual(let column, _): .lessOrEqual(column)
            case .greaterOrEqual(let column, _): .greaterOrEqual(column)
            case .isNull(let column): .isNull(column)
            case .isNotNull(let column): .isNotNull(column)
            case .isIn(let column, let values): .isIn(column, count: values.count)
            case .hasTag(_, _, let value): .hasTag(withValue: value != nil)
            }
        }
        self.order = kind == .select ? query.order.map { OrderShape(column: $0.column, ascending: $0.ascending) } : []
        self.limited = kind == .select && query.limit != nil
        self.offset = kind == .select && (query.offset ?? 0) > 0
        self.forUpdate = kind == .select && query.forUpdate
    }
}

extension Query {
    /// The values a query's SQL binds, in the order its text (``SQLCompiler``) places them: the account,
    /// each condition's values, then the limit and offset of a select.
    func boundValues(_ kind: QueryShape.Kind) -> [SQLValue] {
        var values: [SQLValue] = [.text(account.rawValue)]
        for condition in conditions {
            switch condition {
            case .equals(_, let value), .notEquals(_, let value), .lessOrEqual(_, let value), .greaterOrEqual(_, let value):
                values.append(value)
            case .isNull, .isNotNull:
                break
            case .isIn(_, let list):
                values.append(contentsOf: list)
            case .hasTag(let resourceType, let key, let value):
                values.append(.text(resourceType))
                values.append(.text(key))
                if let value { values.append(.text(value)) }
            }
        }
        if kind == .select {
            if let limit { values.append(.integer(Int64(limit))) }
            if let offset, offset > 0 { values.append(.integer(Int64(offset))) }
        }
        return values
    }
}
