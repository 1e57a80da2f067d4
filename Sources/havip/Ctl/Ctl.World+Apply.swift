import ArgumentParser
import Foundation
import HaVipClient
import Yams

extension Ctl.World {
    /// `havip ctl world apply FILE`.
    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create the world FILE describes, in JSON or YAML; prints the IDs by name.",
            discussion: """
                The document is sent as it is written (YAML becomes the same JSON), so the server checks it: \
                a bad document changes nothing. See docs/cli.md for its shape.
                """)

        @OptionGroup var control: ControlOptions

        @Argument(help: "The world document, JSON or YAML ('-' reads stdin).")
        var file: String

        func run() async throws {
            let document = try Self.read(file)
            try await control.run { client in try printJSON(try await client.applyWorld(document)) }
        }

        /// The document in `path` (or stdin for `-`) as JSON: a JSON document is YAML too.
        static func read(_ path: String) throws -> JSONValue {
            let data: Data
            if path == "-" {
                data = FileHandle.standardInput.readDataToEndOfFile()
            } else {
                guard let contents = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path)") }
                data = contents
            }
            guard let text = String(data: data, encoding: .utf8) else { throw ValidationError("\(path) is not UTF-8 text") }
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch {
                throw ValidationError("\(path) is neither JSON nor YAML: \(error)")
            }
            guard let node else { throw ValidationError("\(path) is empty") }
            return try JSONValue(yaml: node)
        }
    }
}
