#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Where request IDs, resource IDs and other random choices come from, injected so that tests are exact.
public protocol IDGenerator: Sendable {
    /// An uppercase UUID such as `C44F62BE-9CE7-4277-B117-69243F3988BF`.
    func requestId() -> String
    /// A resource ID such as `havip-bp1hx2k9w3q8m7z6y5t4`: the prefix, a dash, 22 lowercase alphanumerics.
    func resourceId(prefix: String) -> String
    /// A random number, for MAC and public addresses.
    func random() -> UInt64
}

/// Random IDs.
public struct RandomIDGenerator: IDGenerator {
    public init() {}

    /// A random (version 4) UUID in uppercase, its 16 bytes drawn from the system in one call
    /// (`arc4random_buf`: one `getrandom` on Linux, where `SystemRandomNumberGenerator` makes one per 8
    /// bytes); Foundation's `UUID()` opens `/dev/urandom` for every call, 2% of a request's CPU.
    public func requestId() -> String {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { arc4random_buf($0.baseAddress!, $0.count) }
        let high = words.0 & 0xFFFF_FFFF_FFFF_0FFF | 0x4000  // version 4
        let low = words.1 & 0x3FFF_FFFF_FFFF_FFFF | 0x8000_0000_0000_0000  // RFC 4122 variant
        return String(unsafeUninitializedCapacity: 36) { out in
            var index = 0
            for nibble in 0..<32 {
                if nibble == 8 || nibble == 12 || nibble == 16 || nibble == 20 {
                    out[index] = UInt8(ascii: "-")
                    index += 1
                }
                let word = nibble < 16 ? high : low
                out[index] = Self.hexDigits[Int(word >> UInt64(60 - 4 * (nibble % 16)) & 0xF)]
                index += 1
            }
            return index
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    public func resourceId(prefix: String) -> String {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        var generator = SystemRandomNumberGenerator()
        return prefix + "-" + String((0..<22).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    public func random() -> UInt64 { UInt64.random(in: .min ... .max) }
}

/// Sequential IDs, for tests: `00000000-0000-4000-8000-000000000001`, `havip-000000000000000000002`, …
public final class SequentialIDGenerator: IDGenerator {
    private let counter = Mutex<UInt64>(0)

    public init() {}

    private func next() -> UInt64 {
        counter.withLock { counter in
            counter += 1
            return counter
        }
    }

    private static func padded(_ value: UInt64, _ width: Int, radix: Int = 10) -> String {
        let digits = String(value, radix: radix, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    public func requestId() -> String { "00000000-0000-4000-8000-" + Self.padded(next(), 12, radix: 16) }

    public func resourceId(prefix: String) -> String { prefix + "-" + Self.padded(next(), 22) }

    public func random() -> UInt64 { next() &* 0x9E37_79B9_7F4A_7C15 }
}
