import ArgumentParser
import Foundation
import Testing

@testable import havip

/// `serve`'s HTTPS options: what parses, what is refused, and where `--tls self-signed` keeps its files.
@Suite struct TLSOptionsTests {
    @Test func plainHTTPIsTheDefault() async throws {
        let options = try Serve.parse([]).tlsOptions
        #expect(options.tls == nil && options.certificateFile == nil && options.keyFile == nil)
        #expect(try await options.serverTLS(store: .memory) == nil)
    }

    @Test func eitherSelfSignedOrACertificateWithItsKey() throws {
        #expect(try Serve.parse(["--tls", "self-signed"]).tlsOptions.tls == .selfSigned)
        let given = try Serve.parse(["--tls-cert", "/etc/cert.pem", "--tls-key", "/etc/key.pem"]).tlsOptions
        #expect(given.certificateFile == "/etc/cert.pem" && given.keyFile == "/etc/key.pem")
        let help = Serve.helpMessage()
        #expect(help.contains("HTTPS") && help.contains("--tls <tls>") && help.contains("--tls-cert <tls-cert>") && help.contains("--tls-key <tls-key>"))
    }

    @Test(arguments: [
        ["--tls", "self-signed", "--tls-cert", "c.pem", "--tls-key", "k.pem"], ["--tls", "self-signed", "--tls-key", "k.pem"],
        ["--tls-cert", "c.pem"], ["--tls-key", "k.pem"], ["--tls", "on"], ["--tls"],
    ])
    func otherCombinationsAreRefusedWhileParsing(arguments: [String]) {
        #expect(throws: (any Error).self) { try Serve.parse(arguments) }
    }

    @Test func selfSignedFilesLiveBesideTheSQLiteFileElseInDotHavip() {
        #expect(TLSOptions.directory(for: .sqlite(path: "/data/state/havip.sqlite")).path == "/data/state/tls")
        let local = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".havip/tls").standardizedFileURL.path
        #expect(TLSOptions.directory(for: .memory).path == local)
        #expect(TLSOptions.directory(for: .postgres(url: "postgres://h/db")).path == local)
        #expect(TLSOptions.directory(for: .sqlite(path: ".havip/havip.sqlite")).path == local)
    }

    @Test func aFileThatCannotBeServedStopsTheStartNamingTheOption() async throws {
        let options = try Serve.parse(["--tls-cert", "/nonexistent/cert.pem", "--tls-key", "/nonexistent/key.pem"]).tlsOptions
        let error = await #expect(throws: TLSOptionsError.self) { try await options.serverTLS(store: .memory) }
        #expect(error?.description == "--tls-cert/--tls-key: cannot read a PEM certificate from /nonexistent/cert.pem")
    }
}
