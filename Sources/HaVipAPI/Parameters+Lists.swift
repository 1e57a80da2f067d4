import Foundation
import HaVipModel
import RPCWire

extension Parameters {
    /// `Tag.N.Key` / `Tag.N.Value` (or another prefix, e.g. `Tags` for DescribeHaVips), checked by the tag rules.
    public func tags(_ prefix: String = "Tag") throws(APIError) -> [(key: String, value: String)] {
        let entries = try entries(prefix)
        return try Validation.tags(entries.map { ($0["Key"], $0["Value"]) })
    }

    /// Tag filters: a key, and a value when one is given.
    public func tagFilters(_ prefix: String) throws(APIError) -> [(key: String, value: String?)] {
        let entries = try entries(prefix)
        guard entries.count <= 20 else { throw .tagCountExceeded }
        var filters: [(key: String, value: String?)] = []
        for entry in entries {
            guard let key = entry.optional("Key") else { throw .missingParameter("\(prefix).N.Key") }
            filters.append((key, entry["Value"]))
        }
        return filters
    }

    /// What the tag actions act on: `RegionId`, `ResourceType` (canonical, upper-case) and `ResourceId.N`
    /// (at most 50; at least one when `requireIds`).
    func tagTargets(requireIds: Bool) throws -> (region: Region, type: ResourceType, ids: [String]) {
        let region = try region()
        let type = try ResourceType(wireName: required("ResourceType"))
        let ids = try ids("ResourceId", max: 50, error: .resourceIdCountExceeded)
        if requireIds, ids.isEmpty { throw APIError.missingParameter("ResourceId.N") }
        return (region, type, ids)
    }

    /// `PageNumber` (from 1) and `PageSize` (1 to `maxSize`, default `defaultSize`).
    public func paging(defaultSize: Int = 10, maxSize: Int = 50) throws(APIError) -> PageRequest {
        PageRequest(
            number: try integer("PageNumber", default: 1, in: 1...1_000_000),
            size: try integer("PageSize", default: defaultSize, in: 1...maxSize))
    }

    /// A list given either as `Name.N` entries or as one comma-separated value (`VpcId=vpc-1,vpc-2`).
    public func commaSeparated(_ name: String, max: Int) throws(APIError) -> [String] {
        guard let value = optional(name) else { return [] }
        let items = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard items.count <= max else { throw .invalidParameter(name) }
        return items
    }

    /// A list given as a JSON array string, e.g. ECS `InstanceIds=["i-1","i-2"]`.
    public func jsonArray(_ name: String, max: Int, error: APIError) throws(APIError) -> [String] {
        guard let value = optional(name) else { return [] }
        guard let data = value.data(using: .utf8), let array = try? JSONSerialization.jsonObject(with: data) as? [Any],
            array.allSatisfy({ $0 is String }), array.count <= max
        else { throw error }
        return array.compactMap { $0 as? String }
    }

    /// `Name.N` ids, at most `max`.
    public func ids(_ prefix: String, max: Int, error: APIError) throws(APIError) -> [String] {
        let values = try values(prefix)
        guard values.count <= max else { throw error }
        return values
    }
}
