import Foundation
import Logging
import RPCWire

/// `havip serve --log-format json`: each log line one JSON object, keys sorted: `time` (UTC, milliseconds),
/// `level`, `label`, `message` and every metadata entry (a number stays a number), for log pipelines.
public struct JSONLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let write: @Sendable (String) -> Void

    /// Writes each line to standard error.
    public static func standardError(label: String) -> JSONLogHandler {
        JSONLogHandler(label: label) { line in FileHandle.standardError.write(Data(line.utf8)) }
    }

    /// Hands each line (with its newline) to `write`.
    public init(label: String, write: @escaping @Sendable (String) -> Void) {
        self.label = label
        self.write = write
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var object: [String: JSONValue] = [:]
        for (key, value) in metadata.merging(event.metadata ?? [:], uniquingKeysWith: { _, new in new }) { object[key] = Self.json(value) }
        if let error = event.error { object["error"] = .string("\(error)") }
        object["time"] = .string(JournalAnswer.time(Date().timeIntervalSince1970))
        object["level"] = .string(event.level.rawValue)
        object["label"] = .string(label)
        object["message"] = .string(event.message.description)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(JSONValue.object(object)) else { return }
        write(String(decoding: data, as: UTF8.self) + "\n")
    }

    /// Strings as strings, whole and decimal numbers as numbers, lists and dictionaries as JSON.
    static func json(_ value: Logger.MetadataValue) -> JSONValue {
        switch value {
        case .string(let text): .string(text)
        case .stringConvertible(let value):
            switch value {
            case let number as Int: .integer(Int64(number))
            case let number as Double where number.isFinite: .number(number)
            case let flag as Bool: .bool(flag)
            default: .string(value.description)
            }
        case .array(let values): .array(values.map(json))
        case .dictionary(let values): .object(values.mapValues(json))
        }
    }
}
