/// `reset`: the emulated cloud emptied, of one account or of all. Keys are configuration, not state, and
/// stay; the emulator's own controls (``ControlRecords``) stay too.
public enum ResetOperations {
    /// Deletes every row of every ``StateRecords`` table in the scope, with every state table locked against
    /// other writers first (so that no request's change lands half before, half after); answers how many
    /// resources went.
    public static func reset(_ tx: some StoreTransaction, scope: AccountScope) throws -> Int {
        for type in StateRecords.all { try tx.lockTable(type) }
        var resources = 0
        for type in StateRecords.all.reversed() {
            let deleted = try deleteAll(type, scope: scope, tx)
            if StateRecords.isResource(type) { resources += deleted }
        }
        return resources
    }

    private static func deleteAll<R: StoredRecord>(_ type: R.Type, scope: AccountScope, _ tx: some StoreTransaction) throws -> Int {
        try tx.delete(Query(R.self, scope: scope))
    }
}
