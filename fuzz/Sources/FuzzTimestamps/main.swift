import FuzzSupport
import RPCWire

/// Timestamps: whatever parses formats back to the same second, and any second formats without failing
/// (the first eight bytes, read as a number of seconds, go to the formatter).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTimestamps(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    withFuzzInput(data, size) { bytes in
        let text = String(decoding: bytes, as: UTF8.self)
        if let seconds = Timestamp.parse(text) {
            let formatted = Timestamp.format(seconds)
            fuzzCheck(Timestamp.parse(formatted) == seconds, "\(text) parsed to \(seconds), formatted as \(formatted), which parses otherwise")
            fuzzCheck(formatted == String(text.prefix(19)) + "Z", "\(text) formats back as \(formatted)")
        }
        if bytes.count >= 8 {
            var seconds: Int64 = 0
            for byte in bytes.prefix(8) { seconds = seconds << 8 | Int64(byte) }
            _ = Timestamp.format(seconds)
        }
    }
    return 0
}
