import Foundation
import HaVipModel
import HaVipSQL
import Testing

/// Reset and snapshots iterate ``StateRecords``: these tests fail when a record type or a table is added
/// without a place there (or among the controls' own records).
@Suite struct StateRecordsTests {
    /// Tables of the migrations that no record type reads (written with hand-made SQL, or unused).
    static let untypedTables: Set<String> = ["service_metadata", "signature_nonces"]

    @Test func everyTableTheMigrationsCreateIsARegisteredRecordsTable() throws {
        let created = Set(
            SQLSchema.migrations(for: .sqlite).flatMap { migration in
                migration.sql.matches(of: /CREATE TABLE (\w+)/).map { String($0.output.1) }
            })
        let state = Set(StateRecords.all.map { tableName($0) })
        let controls = Set(ControlRecords.all.map { tableName($0) })
        #expect(state.isDisjoint(with: controls))
        let unregistered = created.subtracting(state).subtracting(controls).subtracting(Self.untypedTables)
        #expect(unregistered.isEmpty, "tables no record type in StateRecords or ControlRecords covers: \(unregistered.sorted())")
        #expect(state.union(controls).subtracting(created).isEmpty, "registered records whose table no migration creates")
    }

    /// Every type the model declares a `StoredRecord` (directly or as a regional or taggable record) is in
    /// one of the two registries.
    @Test func everyRecordTypeOfTheModelIsRegistered() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Sources/HaVipModel")
        let files = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var declared: Set<String> = []
        for case let file as URL in files where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /extension (\w+): (?:StoredRecord|RegionalRecord|TaggableRecord)\b/) { declared.insert(String(match.output.1)) }
        }
        #expect(declared.count >= 13, "the scan found \(declared.sorted())")
        let registered = Set((StateRecords.all + ControlRecords.all).map { "\($0)" })
        #expect(declared.subtracting(registered).isEmpty, "record types in neither registry: \(declared.subtracting(registered).sorted())")
    }

    private func tableName<R: StoredRecord>(_ type: R.Type) -> String { R.schema.table }
}
