import ArgumentParser
import Foundation

/// The `--store` argument: `sqlite:PATH`, `memory`, or a `postgres://` URL.
enum StoreLocation: ExpressibleByArgument, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case memory
    case postgres(url: String)

    init?(argument: String) {
        if argument == "memory" {
            self = .memory
        } else if argument.hasPrefix("postgres://") || argument.hasPrefix("postgresql://") {
            self = .postgres(url: argument)
        } else if argument.hasPrefix("sqlite:"), argument.count > "sqlite:".count {
            self = .sqlite(path: String(argument.dropFirst("sqlite:".count)))
        } else {
            return nil
        }
    }

    /// The location as it can be printed: a PostgreSQL password is masked.
    var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .memory: "memory"
        case .postgres(let url): url.replacingOccurrences(of: #":[^:@/]*@"#, with: ":***@", options: .regularExpression)
        }
    }
}
