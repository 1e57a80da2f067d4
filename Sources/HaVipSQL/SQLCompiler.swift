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
    /// What makes a table's writes skip the write-ahead log, where the database has it (`UNLOGGED`).
    public let unloggedTable: String

    public static let sqlite = SQLDialect(
        placeholder: { _ in "?" }, supportsForUpdate: false, realType: "REAL", integerType: "INTEGER", unlimited: "-1",
        unloggedTable: "")
    public static let postgres = SQLDialect(
        placeholder: { "$\($0)" }, supportsForUpdate: true, realType: "DOUBLE PRECISION", integerType: "BIGINT", unlimited: "ALL",
        unloggedTable: "UNLOGGED")
}

/// A statement and its bound values.
public struct SQLStatement: Sendable {
    public let sql: String
    public let bindings: [SQLValue]
}

/// Turns the model's generic record operations into SQL. Every value is bound, never spliced; table and
/// column names come from the records' typed columns (``RecordSchema``, ``Column``) only.
///
/// The text of a statement depends only on its shape (record type, conditions without their values,
/// order, paging, locking), so it is built once per shape and kept; each call then only gathers the
/// values to bind. Building the text was about 6% of a DescribeHaVips' CPU (bench/RESULTS.md).
public final class SQLCompiler: Sendable {
    public let dialect: SQLDialect
    private let texts = Mutex<[QueryShape: String]>([:])
    /// Shapes differ by the number of values in an `IN` list; past this many kept, texts are built each time.
    private static let maximumKeptShapes = 4096

    public init(_ dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// Selects the record's stored columns (``RecordSchema/selectedNames``), in the order its decoding reads them.
    public func select<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        statement(QueryShape(.select, query), query.boundValues(.select)) { builder in
            let schema = R.schema
            var sql = "SELECT \(schema.selectedNames.joined(separator: ", ")) FROM \(schema.table) WHERE \(builder.whereClause(query))"
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
        statement(QueryShape(.count, query), query.boundValues(.count)) { builder in
            "SELECT COUNT(*) FROM \(R.schema.table) WHERE \(builder.whereClause(query))"
        }
    }

    /// Each value of `column` among the query's rows, and how many rows hold it.
    public func count<R: StoredRecord, Value>(_ query: Query<R>, by column: Column<R, Value>) -> SQLStatement {
        statement(QueryShape(.count, query, groupedBy: column.name), query.boundValues(.count)) { builder in
            "SELECT \(column.name), COUNT(*) FROM \(R.schema.table) WHERE \(builder.whereClause(query)) GROUP BY \(column.name)"
        }
    }

    public func delete<R: StoredRecord>(_ query: Query<R>) -> SQLStatement {
        statement(QueryShape(.delete, query), query.boundValues(.delete)) { builder in
            "DELETE FROM \(R.schema.table) WHERE \(builder.whereClause(query))"
        }
    }

    public func insert<R: StoredRecord>(_ record: R) -> SQLStatement {
        let schema = R.schema
        let values = schema.values(record)
        return statement(QueryShape(.insert, R.self), values) { builder in
            let placeholders = values.map { builder.bind($0) }.joined(separator: ", ")
            return "INSERT INTO \(schema.table) (\(schema.columnNames.joined(separator: ", "))) VALUES (\(placeholders))"
        }
    }

    /// Rows per multi-row insert: well under both databases' limit on bound values (SQLite's 32,766,
    /// PostgreSQL's 65,535) for any record's column count.
    static let rowsPerInsert = 200

    /// Inserts of every record, up to ``rowsPerInsert`` rows a statement (one text per row count, kept).
    public func insert<R: StoredRecord>(contentsOf records: [R]) -> [SQLStatement] {
        let schema = R.schema
        return stride(from: 0, to: records.count, by: Self.rowsPerInsert).map { start in
            let batch = records[start..<min(start + Self.rowsPerInsert, records.count)]
            let values = batch.flatMap { schema.values($0) }
            return statement(QueryShape(.insert, R.self, rows: batch.count), values) { builder in
                let rows = batch.map { record in "(" + schema.values(record).map { builder.bind($0) }.joined(separator: ", ") + ")" }
                return "INSERT INTO \(schema.table) (\(schema.columnNames.joined(separator: ", "))) VALUES \(rows.joined(separator: ", "))"
            }
        }
    }

    /// Keeps other writers out of the record's table until the transaction ends; nil where the database has
    /// one writer at a time anyway (SQLite).
    public func lockTable<R: StoredRecord>(_ type: R.Type) -> SQLStatement? {
        guard dialect.supportsForUpdate else { return nil }
        return SQLStatement(sql: "LOCK TABLE \(R.schema.table) IN EXCLUSIVE MODE", bindings: [])
    }

    /// Replaces every column but the key of the row with the record's key, in the record's account.
    public func update<R: StoredRecord>(_ record: R) -> SQLStatement {
        let schema = R.schema
        let values = schema.values(record)
        let bindings = Array(values.dropFirst()) + [values[0], .text(record.account.rawValue)]
        return statement(QueryShape(.update, R.self), bindings) { builder in
            let assignments = zip(schema.columnNames, values).dropFirst().map { "\($0.0) = \(builder.bind($0.1))" }.joined(separator: ", ")
            let key = builder.bind(values[0])
            let owner = builder.bind(.text(record.account.rawValue))
            return "UPDATE \(schema.table) SET \(assignments) WHERE \(schema.keyName) = \(key) AND \(schema.accountName) = \(owner)"
        }
    }

    /// The statement for a shape: its text kept per shape (built by `build` the first time), bound to
    /// `values`, which the caller gathered in the order the text binds them.
    private func statement(_ shape: QueryShape, _ values: [SQLValue], build: (inout Builder) -> String) -> SQLStatement {
        if let sql = texts.withLock({ $0[shape] }) { return SQLStatement(sql: sql, bindings: values) }
        var builder = Builder(dialect: dialect)
        let sql = build(&builder)
        assert(builder.bindings == values, "the bound values of \(sql) are not in the order its text binds them")
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
            let schema = R.schema
            var parts: [String] = []
            if case .account(let account) = query.scope {
                parts.append("\(schema.table).\(schema.accountName) = \(bind(.text(account.rawValue)))")
            }
            for condition in query.conditions { parts.append(sql(condition.kind, schema)) }
            return parts.isEmpty ? "1 = 1" : parts.joined(separator: " AND ")
        }

        mutating func sql<R: StoredRecord>(_ condition: Condition<R>.Kind, _ schema: RecordSchema<R>) -> String {
            switch condition {
            case .column(let column, .equals(let value)): return "\(column) = \(bind(value))"
            case .column(let column, .notEquals(let value)): return "\(column) <> \(bind(value))"
            case .column(let column, .lessOrEqual(let value)): return "\(column) <= \(bind(value))"
            case .column(let column, .greaterOrEqual(let value)): return "\(column) >= \(bind(value))"
            case .column(let column, .isNull): return "\(column) IS NULL"
            case .column(let column, .isNotNull): return "\(column) IS NOT NULL"
            case .column(let column, .isIn(let values)):
                guard !values.isEmpty else { return "1 = 0" }
                return "\(column) IN (\(values.map { bind($0) }.joined(separator: ", ")))"
            case .never:
                return "1 = 0"
            case .after(let columns, let values):
                return "(\(columns.joined(separator: ", "))) > (\(values.map { bind($0) }.joined(separator: ", ")))"
            case .hasTag(let resourceType, let key, let value):
                // The record's tags, joined through Tag's own columns.
                let tags = Tag.schema.table
                let column = Tag.column
                var sql =
                    "EXISTS (SELECT 1 FROM \(tags) WHERE \(tags).\(column.account.name) = \(schema.table).\(schema.accountName)"
                    + " AND \(tags).\(column.resourceType.name) = \(bind(resourceType.sqlValue))"
                    + " AND \(tags).\(column.resourceId.name) = \(schema.table).\(schema.keyName)"
                    + " AND \(tags).\(column.key.name) = \(bind(.text(key)))"
                if let value { sql += " AND \(tags).\(column.value.name) = \(bind(.text(value)))" }
                return sql + ")"
            }
        }
    }
}

/// What a statement's SQL text depends on: everything but the values it binds.
struct QueryShape: Hashable, Sendable {
    enum Kind: UInt8 { case select, count, delete, insert, update }

    enum ConditionShape: Hashable {
        case compare(String, Comparison)
        case isIn(String, count: Int)
        case hasTag(withValue: Bool)
        case never
        case after([String])
    }

    enum Comparison: UInt8 { case equals, notEquals, lessOrEqual, greaterOrEqual, isNull, isNotNull }

    struct OrderShape: Hashable {
        let column: String
        let ascending: Bool
    }

    let kind: Kind
    let record: ObjectIdentifier
    let everyAccount: Bool
    let conditions: [ConditionShape]
    let order: [OrderShape]
    let groupedBy: String?
    /// How many rows an insert writes.
    let rows: Int
    let limited: Bool
    let offset: Bool
    let forUpdate: Bool

    /// The shape of a query.
    init<R: StoredRecord>(_ kind: Kind, _ query: Query<R>, groupedBy: String? = nil) {
        self.kind = kind
        self.record = ObjectIdentifier(R.self)
        self.everyAccount = query.scope == .everyAccount
        self.conditions = query.conditions.map { condition in
            switch condition.kind {
            case .column(let column, let test):
                switch test {
                case .equals: .compare(column, .equals)
                case .notEquals: .compare(column, .notEquals)
                case .lessOrEqual: .compare(column, .lessOrEqual)
                case .greaterOrEqual: .compare(column, .greaterOrEqual)
                case .isNull: .compare(column, .isNull)
                case .isNotNull: .compare(column, .isNotNull)
                case .isIn(let values): .isIn(column, count: values.count)
                }
            case .hasTag(_, _, let value): .hasTag(withValue: value != nil)
            case .never: .never
            case .after(let columns, _): .after(columns)
            }
        }
        self.order = kind == .select ? query.order.map { OrderShape(column: $0.column, ascending: $0.ascending) } : []
        self.groupedBy = groupedBy
        self.rows = 0
        self.limited = kind == .select && query.limit != nil
        self.offset = kind == .select && (query.offset ?? 0) > 0
        self.forUpdate = kind == .select && query.forUpdate
    }

    /// The shape of an insert or update of a record type: one text per type (and per row count of an insert).
    init<R: StoredRecord>(_ kind: Kind, _ type: R.Type, rows: Int = 1) {
        self.kind = kind
        self.record = ObjectIdentifier(type)
        self.everyAccount = false
        self.conditions = []
        self.order = []
        self.groupedBy = nil
        self.rows = rows
        self.limited = false
        self.offset = false
        self.forUpdate = false
    }
}

extension Query {
    /// The values a query's SQL binds, in the order its text (``SQLCompiler``) places them: the account (of a
    /// query in one account), each condition's values, then the limit and offset of a select.
    func boundValues(_ kind: QueryShape.Kind) -> [SQLValue] {
        var values: [SQLValue] = []
        if case .account(let account) = scope { values.append(.text(account.rawValue)) }
        for condition in conditions {
            switch condition.kind {
            case .column(_, .equals(let value)), .column(_, .notEquals(let value)), .column(_, .lessOrEqual(let value)),
                .column(_, .greaterOrEqual(let value)):
                values.append(value)
            case .column(_, .isNull), .column(_, .isNotNull), .never:
                break
            case .column(_, .isIn(let list)), .after(_, let list):
                values.append(contentsOf: list)
            case .hasTag(let resourceType, let key, let value):
                values.append(resourceType.sqlValue)
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
