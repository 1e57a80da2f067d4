import ArgumentParser
import HaVipModel
import HaVipSQLite
import Testing

@testable import havip

@Suite struct AccessKeyArgumentTests {
    @Test func argumentFormDefaultsTheAccountToTheKeyId() throws {
        let plain = try #require(AccessKey(argument: "id1:secret1"))
        #expect(plain.id == "id1" && plain.secret == "secret1" && plain.account == AccountID("id1"))
        let withAccount = try #require(AccessKey(argument: "id2:secret2:1234567890123456"))
        #expect(withAccount.account == AccountID("1234567890123456"))
    }

    @Test(arguments: ["", "id", "id:", ":secret", "id:secret:", "a:b:c:d"])
    func malformedArgumentsAreRejected(argument: String) {
        #expect(AccessKey(argument: argument) == nil)
    }
}

@Suite struct StoreOptionsTests {
    @Test func serveAndSeedShareTheStoreOptions() throws {
        let arguments = ["--store", "sqlite:/tmp/x.sqlite", "--sqlite-sync", "full", "--pool-size", "3"]
        for options in [try Serve.parse(arguments).storeOptions, try Seed.parse(arguments).storeOptions] {
            #expect(options.store == .sqlite(path: "/tmp/x.sqlite"))
            #expect(options.sqliteSync == .full)
            #expect(options.poolSize == 3)
        }
        for help in [Serve.helpMessage(), Seed.helpMessage()] {
            #expect(help.contains("--store <store>") && help.contains("--sqlite-sync <sqlite-sync>") && help.contains("--pool-size <pool-size>"))
        }
    }

    @Test func theDefaultsAreTheDocumentedOnes() throws {
        let options = try Serve.parse([]).storeOptions
        #expect(options.store == .sqlite(path: ".havip/havip.sqlite"))
        #expect(options.sqliteSync == .normal)
        #expect(options.poolSize == 16)
    }

    @Test(arguments: [
        ["--pool-size", "0"], ["--port", "65536"], ["--nonce-capacity", "0"], ["--transition-delay", "-1"],
        ["--max-havip-associations", "0"], ["--store", "nowhere"],
    ])
    func serveRejectsBadOptionsWhileParsing(arguments: [String]) {
        #expect(throws: (any Error).self) { try Serve.parse(arguments) }
    }

    @Test(arguments: [["--store", "memory"], ["--pool-size", "-1"], ["--havips-per-vpc", "32765"], ["--batch", "0"], ["--region", "xx-nowhere-1"]])
    func seedRejectsBadOptionsWhileParsing(arguments: [String]) {
        #expect(throws: (any Error).self) { try Seed.parse(arguments) }
    }

    @Test func aPostgresPasswordIsMaskedWhenPrinted() throws {
        let location = try #require(StoreLocation(argument: "postgres://havip:secret@db:5432/havip"))
        #expect(location.description == "postgres://havip:***@db:5432/havip")
    }
}
