import FuzzSupport
import RPCWire

/// Flattened lists (`ResourceId.N`, `Tag.N.Key`, `Filter.N.Value.M`) over any decodable form: either a
/// `WireError` or lists in index order, within the index limit, whose values were all sent.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParameterLists(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    withFuzzInput(data, size) { bytes in
        let limits = WireLimits(maxBodyBytes: 4096, maxParameters: 64, maxValueBytes: 256, maxListIndex: 100)
        var pairs: [(name: String, value: String)] = []
        guard (try? FormDecoding.decode(bytes, into: &pairs, limits: limits)) != nil else { return }
        let parameters = Parameters(pairs, limits: limits)
        let sent = Set(pairs.map(\.value))
        // The prefixes the actions use, and every prefix the input itself names.
        var prefixes: Set<String> = ["ResourceId", "Tag", "Filter", "InstanceId", "HaVipId"]
        for pair in pairs {
            if let dot = pair.name.firstIndex(of: ".") { prefixes.insert(String(pair.name[..<dot])) }
        }
        for prefix in prefixes {
            if let values = try? parameters.list(prefix) {
                fuzzCheck(values.count <= limits.maxListIndex, "a list longer than the index limit")
                fuzzCheck(values.allSatisfy(sent.contains), "a list value that was never sent")
            }
            guard let records = try? parameters.records(prefix) else { continue }
            fuzzCheck(records.count <= limits.maxListIndex, "more records than the index limit")
            for record in records {
                fuzzCheck(!record.isEmpty, "an empty record")
                // Filter.N.Value.M: a list inside a record.
                if let values = try? record.list("Value") {
                    fuzzCheck(values.allSatisfy(sent.contains), "a nested list value that was never sent")
                }
            }
        }
    }
    return 0
}
