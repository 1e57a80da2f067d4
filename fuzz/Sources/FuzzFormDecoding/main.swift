import FuzzSupport
import RPCWire

/// Form decoding (a query string or a form body): either a `WireError` or pairs within the limits, free of
/// control characters, that survive encoding and decoding again unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormDecoding(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    withFuzzInput(data, size) { bytes in
        let limits = WireLimits(maxBodyBytes: 4096, maxParameters: 50, maxValueBytes: 256, maxListIndex: 1_000)
        var pairs: [(name: String, value: String)] = []
        do {
            try FormDecoding.decode(bytes, into: &pairs, limits: limits)
        } catch {
            return
        }
        fuzzCheck(pairs.count <= limits.maxParameters, "more pairs than the limit")
        for pair in pairs {
            fuzzCheck(!pair.name.isEmpty, "an empty name was kept")
            fuzzCheck(pair.value.utf8.count <= limits.maxValueBytes, "a value over the limit")
            for byte in (pair.name + pair.value).utf8 {
                fuzzCheck(byte >= 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D, "a control character was kept")
            }
        }
        let encoded = pairs.map { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }.joined(separator: "&")
        var again: [(name: String, value: String)] = []
        do {
            try FormDecoding.decode(Array(encoded.utf8), into: &again, limits: limits)
        } catch {
            fuzzCheck(false, "re-encoded pairs were refused: \(error)")
        }
        fuzzCheck(again.map(\.name) == pairs.map(\.name) && again.map(\.value) == pairs.map(\.value), "the round trip changed the pairs")
    }
    return 0
}
