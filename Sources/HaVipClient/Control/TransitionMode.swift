/// How HaVips advance through Creating, Associating, Unassociating and Deleting: `{"mode": "delay",
/// "seconds": 0.2}` (after a delay) or `{"mode": "manual"}` (only when a test steps them), as
/// `GET`/`PUT /_havip/transitions` carry it.
public enum TransitionMode: Sendable, Equatable, Codable {
    case delay(seconds: Double)
    case manual

    private enum CodingKeys: String, CodingKey {
        case mode, seconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .mode) {
        case "delay": self = .delay(seconds: try container.decode(Double.self, forKey: .seconds))
        case "manual": self = .manual
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .mode, in: container, debugDescription: "unknown transition mode \(other)")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .delay(let seconds):
            try container.encode("delay", forKey: .mode)
            try container.encode(seconds, forKey: .seconds)
        case .manual:
            try container.encode("manual", forKey: .mode)
        }
    }
}

/// What `POST /_havip/transitions/step` answers: `{"advanced": 3}`, how many resources moved on one step.
public struct StepResult: Sendable, Equatable, Codable {
    public let advanced: Int

    public init(advanced: Int) {
        self.advanced = advanced
    }
}
