@testable import HaVipModel
@testable import HaVipPostgres
import PostgresNIO
import Testing

/// How the PostgreSQL store reads the server's SQLSTATE codes: races are run again, outages and timeouts
/// are ServiceUnavailable, anything else is havip's own failure.
@Suite struct PostgresErrorTests {
    @Test func racesAreConflicts() {
        for code in [PostgresError.Code.serializationFailure, .deadlockDetected, .uniqueViolation] {
            #expect(PostgresTransaction.storeError(code, message: "") == .conflict(code.raw))
        }
    }

    @Test func outagesAndTimeoutsAreUnavailable() {
        let codes: [PostgresError.Code] = [
            .connectionFailure, .connectionDoesNotExist, .adminShutdown, .cannotConnectNow, .queryCanceled, .tooManyConnections, .diskFull,
            .lockNotAvailable,
        ]
        for code in codes { #expect(PostgresTransaction.storeError(code, message: "") == .unavailable(code.raw)) }
    }

    @Test func anythingElseIsAFailureOfHavipsSQL() {
        #expect(PostgresTransaction.storeError(.undefinedColumn, message: "column x does not exist") == .failed("42703: column x does not exist"))
        #expect(PostgresTransaction.storeError(.notNullViolation, message: "") == .failed("23502: "))
    }

    @Test func errorsThatAreNotTheDatabasesPassThrough() {
        #expect(PostgresTransaction.storeError(APIError.vpcNotFound) as? APIError == .vpcNotFound)
        #expect(PostgresTransaction.storeError(ChannelError.ioOnClosedChannel) as? StoreError != nil)
    }
}
