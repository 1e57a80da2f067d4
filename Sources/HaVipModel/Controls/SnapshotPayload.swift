import Foundation

/// Every row of every ``StateRecords`` table, as a snapshot keeps it: per table its name, its columns (as the
/// schema named them when it was saved) and each row's values in that order (rows by account and key), as
/// JSON text with sorted keys: the same state is the same text. A value is kept
/// with its kind, so that it reads back exactly: `"i42"`, `"r0.25"`, `"ttext"`, or null.
struct SnapshotPayload: Codable {
    struct Table: Codable {
        var table: String
        var columns: [String]
        var rows: [[String?]]
    }

    var tables: [Table]

    /// Every row of every state table, read in `tx` (one consistent snapshot).
    static func read(_ tx: some StoreTransaction) throws -> (payload: SnapshotPayload, resources: Int) {
        var resources = 0
        var tables: [Table] = []
        for type in StateRecords.all {
            let table = try rows(of: type, tx)
            if StateRecords.isResource(type) { resources += table.rows.count }
            tables.append(table)
        }
        return (SnapshotPayload(tables: tables), resources)
    }

    private static func rows<R: StoredRecord>(of type: R.Type, _ tx: some StoreTransaction) throws -> Table {
        let schema = R.schema
        let records = try tx.select(Query(R.self, scope: .everyAccount, order: [Order(column: schema.accountName, ascending: true), Order(column: schema.keyName, ascending: true)]))
        return Table(table: schema.table, columns: schema.columnNames, rows: records.map { schema.values($0).map(Self.encode) })
    }

    /// Inserts every row into the (emptied) tables of `tx`; a table or column this schema lacks is
    /// ``APIError/snapshotIncompatible(_:)``.
    func write(_ tx: some StoreTransaction) throws {
        let types: [String: any StoredRecord.Type] = Dictionary(uniqueKeysWithValues: StateRecords.all.map { (Self.tableName($0), $0) })
        for table in tables {
            guard let type = types[table.table] else { throw APIError.snapshotIncompatible("it holds a table named \(table.table)") }
            try Self.insert(type, table, tx)
        }
    }

    private static func tableName<R: StoredRecord>(_ type: R.Type) -> String { R.schema.table }

    private static func insert<R: StoredRecord>(_ type: R.Type, _ table: Table, _ tx: some StoreTransaction) throws {
        let schema = R.schema
        let positions = Dictionary(table.columns.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let selected = try schema.selectedNames.map { name in
            guard let position = positions[name] else { throw APIError.snapshotIncompatible("its \(table.table) have no column \(name)") }
            return position
        }
        let records = try table.rows.map { row in
            guard row.count == table.columns.count else { throw APIError.snapshotIncompatible("a row of \(table.table) has the wrong length") }
            return try schema.decode { index in try decode(row[selected[index]]) }
        }
        try tx.insert(contentsOf: records)
    }

    static func encode(_ value: SQLValue) -> String? {
        switch value {
        case .null: nil
        case .integer(let integer): "i\(integer)"
        case .real(let real): "r\(real)"
        case .text(let text): "t" + text
        }
    }

    static func decode(_ text: String?) throws -> SQLValue {
        guard let text, let kind = text.first else { return .null }
        let rest = text.dropFirst()
        switch kind {
        case "i": if let integer = Int64(rest) { return .integer(integer) }
        case "r": if let real = Double(rest) { return .real(real) }
        case "t": return .text(String(rest))
        default: break
        }
        throw APIError.snapshotIncompatible("a value reads \(text.prefix(20))")
    }

    // MARK: As stored

    var text: String {
        get throws {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            return String(decoding: try encoder.encode(self), as: UTF8.self)
        }
    }

    init(tables: [Table]) {
        self.tables = tables
    }

    init(text: String) throws {
        do {
            self = try JSONDecoder().decode(SnapshotPayload.self, from: Data(text.utf8))
        } catch {
            throw APIError.snapshotIncompatible("its rows cannot be read")
        }
    }
}
