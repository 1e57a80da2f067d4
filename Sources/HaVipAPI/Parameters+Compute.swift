import HaVipModel
import RPCWire

/// The ECS parameters several actions share.
extension Parameters {
    /// `SecurityGroupId` or `SecurityGroupIds.N`; at least one.
    func securityGroupIds() throws(APIError) -> [String] {
        var ids = try values("SecurityGroupIds")
        if let single = optional("SecurityGroupId") { ids.insert(single, at: 0) }
        guard !ids.isEmpty else { throw .missingParameter("SecurityGroupId") }
        guard ids.count <= 5 else { throw .invalidParameter("SecurityGroupIds") }
        return ids
    }

    /// `Tag.N.Key`/`Tag.N.Value` put on a new ECS resource, checked by the tag rules with ECS's codes.
    func ecsTags() throws(APIError) -> [(key: String, value: String)] {
        try Validation.tags(try entries("Tag").map { ($0["Key"], $0["Value"]) }, errors: .ecs)
    }

    /// `Tag.N.Key`/`Tag.N.Value` filters of an ECS Describe: up to 20, each with a key, the value optional.
    func ecsTagFilters() throws(APIError) -> [(key: String, value: String?)] {
        let entries = try entries("Tag")
        guard entries.count <= 20 else { throw TagErrors.ecs.tooMany }
        return try entries.map { entry throws(APIError) in
            guard let key = entry.optional("Key") else { throw .ecsTagFilterMismatch }
            return (key, entry.optional("Value"))
        }
    }

    /// The page a Describe asks for: by token when `MaxResults` or `NextToken` is given (`MaxResults`
    /// below 10 counts as 10 and above `maxResults` as `maxResults`, as the real API documents), by
    /// number otherwise.
    func pageRequest(maxPageSize: Int, maxResults: Int, account: AccountID) throws(APIError) -> PageRequest {
        let maxText = optional("MaxResults")
        let token = optional("NextToken")
        guard maxText != nil || token != nil else { return try paging(maxSize: maxPageSize) }
        var size = 10
        if let maxText {
            guard maxText.utf8.count <= 10, maxText.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(maxText) else {
                throw .maxResultsInvalid
            }
            size = min(max(value, 10), maxResults)
        }
        return .after(try token.map { token throws(APIError) in try NextToken.decode(token, account: account) }, size: size)
    }
}

extension RPCResponse {
    /// The `NextToken` of a Describe's answer: where the next token page starts, empty on the last one and
    /// when paging by number.
    static func nextToken<Item>(_ page: Page<Item>, account: AccountID) -> ResponseNode {
        .string(page.next.map { NextToken.encode($0, account: account) } ?? "")
    }
}
