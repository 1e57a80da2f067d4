/// A record's table as the stores use it, derived once from the record's `Columns`: the table name, the
/// columns in declaration order (the first is the primary key), the values a record writes and the
/// decoding of a selected row.
///
/// Decoding starts from a blank record and sets each stored property from its own column (the column's
/// ``FieldDecoder``, found from its key path once): no positional index is written anywhere, and the
/// select list and the decoding come from the same list. A row costs no dictionary, hashing, existential
/// box or key-path lookup; the stores hand each column's value straight from the database's row.
public final class RecordSchema<Record: StoredRecord>: Sendable {
    public let table: String
    /// Every column, in table order: what an insert writes and what ``values(_:)`` returns.
    public let columnNames: [String]
    /// The columns a select reads (computed ones left out), in the order ``decode(_:)`` asks for them.
    public let selectedNames: [String]
    /// The primary key column (the first declared).
    public let keyName: String
    /// The column holding the owning account.
    public let accountName: String
    private let readers: [@Sendable (Record) -> SQLValue]
    private let decoders: [FieldDecoder]
    private let blank: Record
    /// Each column's name and the property it holds, in table order (for tests that check the names).
    let properties: [(column: String, property: any PartialKeyPath<Record> & Sendable)]

    /// `columns` is an instance of the record's `Columns` class, whose stored properties are its
    /// ``Column``s; `blank` is any record, whose every stored property decoding overwrites.
    init<Columns: AnyObject>(table: String, columns: Columns, blank: Record) {
        let declared = Mirror(reflecting: columns).children.compactMap { $0.value as? any AnyColumn<Record> }
        precondition(!declared.isEmpty, "\(Record.self) declares no columns")
        precondition(Set(declared.map { $0.name }).count == declared.count, "\(Record.self) declares a column twice")
        precondition(declared.count { $0.holdsAccount } == 1, "\(Record.self) needs exactly one account column")
        let stored = declared.filter { $0.decoder != nil }
        let storedProperties = Mirror(reflecting: blank).children.count
        precondition(
            Set(stored.compactMap { $0.offset }).count == stored.count && stored.count == storedProperties,
            "\(Record.self) has \(storedProperties) stored properties but \(stored.count) columns read back into distinct ones")
        self.table = table
        columnNames = declared.map { $0.name }
        selectedNames = stored.map { $0.name }
        keyName = declared[0].name
        accountName = declared.first { $0.holdsAccount }!.name
        readers = declared.map { $0.read }
        decoders = stored.map { $0.decoder! }
        self.blank = blank
        properties = declared.map { ($0.name, $0.property) }
    }

    /// The record's values, in ``columnNames`` order.
    public func values(_ record: Record) -> [SQLValue] {
        readers.map { $0(record) }
    }

    /// The record's primary key.
    public func key(_ record: Record) -> SQLValue {
        readers[0](record)
    }

    /// The record in a row selected with ``selectedNames``: `value(i)` answers the value of the i-th of them.
    public func decode(_ value: (Int) throws -> SQLValue) throws -> Record {
        var record = blank
        try withUnsafeMutablePointer(to: &record) { pointer in
            let start = UnsafeMutableRawPointer(pointer)
            try decoders.withUnsafeBufferPointer { decoders in
                for index in decoders.indices { try decoders[index].decode(value(index), into: start) }
            }
        }
        return record
    }
}
