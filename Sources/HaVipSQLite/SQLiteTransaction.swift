import GRDB
import HaVipModel
import HaVipSQL

/// A ``StoreTransaction`` on one GRDB connection, inside a transaction GRDB opened.
struct SQLiteTransaction: StoreTransaction {
    let db: Database
    private static let compiler = SQLCompiler(.sqlite)

    func select<R: StoredRecord>(_ query: Query<R>) throws -> [R] {
        let statement = Self.compiler.select(query)
        return try rows(statement).map { try R(row: $0) }
    }

    func count<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        let statement = Self.compiler.count(query)
        return try Int.fetchOne(cached(statement)) ?? 0
    }

    func insert<R: StoredRecord>(_ record: R) throws {
        try execute(Self.compiler.insert(record))
    }

    func update<R: StoredRecord>(_ record: R) throws {
        try execute(Self.compiler.update(record, account: record.account))
    }

    func delete<R: StoredRecord>(_ query: Query<R>) throws -> Int {
        try execute(Self.compiler.delete(query))
        return db.changesCount
    }

    private func cached(_ statement: SQLStatement) throws -> Statement {
        let prepared = try db.cachedStatement(sql: statement.sql)
        prepared.arguments = StatementArguments(statement.bindings.map(\.databaseValue))
        return prepared
    }

    private func rows(_ statement: SQLStatement) throws -> [StoredRow] {
        try Row.fetchAll(cached(statement)).map { row in StoredRow(row.databaseValues.map(SQLValue.init)) }
    }

    private func execute(_ statement: SQLStatement) throws {
        do {
            try cached(statement).execute()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.conflict(error.message ?? "constraint")
        }
    }
}

extension SQLValue {
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .real(let value): value.databaseValue
        case .text(let value): value.databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let value): self = .integer(value)
        case .double(let value): self = .real(value)
        case .string(let value): self = .text(value)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}
