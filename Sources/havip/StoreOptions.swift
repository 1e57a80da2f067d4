import ArgumentParser
import HaVipModel
import HaVipPostgres
import HaVipSQLite
import Logging
import ServiceLifecycle

/// Where state lives and how the store is run: the options `serve` and `seed` share.
struct StoreOptions: ParsableArguments {
    @Option(help: "Where state lives: sqlite:PATH (the default, ./.havip/havip.sqlite), memory, or postgres://USER:PASS@HOST:PORT/DB.")
    var store = StoreLocation.sqlite(path: ".havip/havip.sqlite")

    @Option(help: "How hard SQLite pushes commits to disk: normal (survives kill -9) or full (survives power loss).")
    var sqliteSync = SQLiteStore.Durability.normal

    @Option(help: "PostgreSQL connections per node (with a postgres:// store).")
    var poolSize = 16

    func validate() throws {
        guard poolSize > 0 else { throw ValidationError("--pool-size must be at least 1") }
    }

    /// The store, the services it needs running, and what must happen before the first request. A server
    /// (`serving`) takes a SQLite file's nonce ledger before its first request, so that a second server on the
    /// same file refuses to start; `havip seed` leaves it alone.
    func open(logger: Logger, serving: Bool = false) throws -> (store: any HaVipStore, services: [any Service], prepare: @Sendable () async throws -> Void) {
        switch store {
        case .sqlite(let path):
            try {
                let store = try SQLiteStore(path: path, durability: sqliteSync)
                return (store, [], { if serving { try store.openNonceLedger() } })
            }()
        case .memory: (try SQLiteStore.inMemory(), [], {})
        case .postgres(let url):
            try {
                let store = try PostgresStore(url: url, poolSize: poolSize, logger: logger)
                return (store, [store], { try await store.migrate() })
            }()
        }
    }
}

extension SQLiteStore.Durability: ExpressibleByArgument {}
