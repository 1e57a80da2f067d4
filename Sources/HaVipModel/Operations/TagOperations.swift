/// Tags of HaVips, VPCs, vSwitches and EIPs, and resource-group moves.
public enum TagOperations {
    /// The resource types TagResources and friends accept (any case on the wire), with the record type
    /// that proves a resource exists.
    public static let resourceTypes: [String: any TaggableRecord.Type] = [
        "HAVIP": HaVip.self, "VPC": Vpc.self, "VSWITCH": VSwitch.self, "EIP": Eip.self,
    ]

    /// The canonical (upper-case) type for a wire value, or `InvalidResourceType.NotFound`.
    public static func canonicalType(_ wire: String) throws -> String {
        let upper = wire.uppercased()
        guard resourceTypes[upper] != nil else { throw APIError.resourceTypeInvalid }
        return upper
    }

    /// Sets tags on a new resource.
    static func replace(_ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceId: String, tags: [(key: String, value: String)]) throws {
        for tag in tags {
            try tx.insert(Tag(account: context.account, resourceType: resourceType, resourceId: resourceId, key: tag.key, value: tag.value))
        }
    }

    /// TagResources: adds or overwrites tags on existing resources, within the per-resource limit.
    public static func tag(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceIds: [String], tags: [(key: String, value: String)]
    ) throws {
        try checkExist(tx, context, resourceType: resourceType, resourceIds: resourceIds)
        for resourceId in resourceIds {
            let current = try Self.tags(tx, account: context.account, resourceType: resourceType, resourceIds: [resourceId])[resourceId] ?? []
            let newKeys = Set(tags.map(\.key)).subtracting(current.map(\.key))
            guard current.count + newKeys.count <= context.settings.maxTagsPerResource else { throw APIError.tagQuotaExceeded }
            for tag in tags {
                let record = Tag(account: context.account, resourceType: resourceType, resourceId: resourceId, key: tag.key, value: tag.value)
                if current.contains(where: { $0.key == tag.key }) { try tx.update(record) } else { try tx.insert(record) }
            }
        }
    }

    /// UnTagResources: removes the given keys, or every tag with `all`.
    public static func untag(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceIds: [String], keys: [String], all: Bool
    ) throws {
        try checkExist(tx, context, resourceType: resourceType, resourceIds: resourceIds)
        for resourceId in resourceIds {
            var conditions: [Condition] = [.equals("resource_type", .text(resourceType)), .equals("resource_id", .text(resourceId))]
            if !all { conditions.append(.isIn("tag_key", keys.map(SQLValue.text))) }
            try tx.delete(Query(Tag.self, account: context.account, conditions))
        }
    }

    /// ListTagResources: tags of the given resources (or of every resource of the type), optionally only
    /// resources that carry all of `filterTags`; ordered by resource then key, paged by offset.
    public static func list(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceIds: [String],
        filterTags: [(key: String, value: String?)], offset: Int, limit: Int
    ) throws -> (tags: [Tag], hasMore: Bool) {
        var conditions: [Condition] = [.equals("resource_type", .text(resourceType))]
        if !resourceIds.isEmpty { conditions.append(.isIn("resource_id", resourceIds.map(SQLValue.text))) }
        var candidates = try tx.select(Query(Tag.self, account: context.account, conditions, order: [("resource_id", true), ("tag_key", true)]))
        if !filterTags.isEmpty {
            var byResource: [String: [String: String]] = [:]
            for tag in candidates { byResource[tag.resourceId, default: [:]][tag.key] = tag.value }
            let matching = Set(
                byResource.filter { _, tags in filterTags.allSatisfy { filter in tags[filter.key].map { filter.value == nil || $0 == filter.value } ?? false } }
                    .keys)
            candidates = candidates.filter { matching.contains($0.resourceId) }
        }
        let page = Array(candidates.dropFirst(offset).prefix(limit))
        return (page, candidates.count > offset + limit)
    }

    /// The tags of some resources, keyed by resource ID, each list ordered by key.
    public static func tags(_ tx: some StoreTransaction, account: AccountID, resourceType: String, resourceIds: [String]) throws -> [String: [(key: String, value: String)]] {
        guard !resourceIds.isEmpty else { return [:] }
        var result: [String: [(key: String, value: String)]] = [:]
        let query = Query(
            Tag.self, account: account, [.equals("resource_type", .text(resourceType)), .isIn("resource_id", resourceIds.map(SQLValue.text))],
            order: [("tag_key", true)])
        for tag in try tx.select(query) { result[tag.resourceId, default: []].append((tag.key, tag.value)) }
        return result
    }

    static func removeAll(_ tx: some StoreTransaction, account: AccountID, resourceType: String, resourceId: String) throws {
        try tx.delete(Query(Tag.self, account: account, [.equals("resource_type", .text(resourceType)), .equals("resource_id", .text(resourceId))]))
    }

    /// MoveResourceGroup for a HaVip, VPC, vSwitch or EIP.
    public static func moveResourceGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceId: String, newResourceGroupId: String
    ) throws {
        guard ResourceGroup.isValid(newResourceGroupId) else { throw APIError.resourceGroupIdInvalid }
        guard let type = resourceTypes[resourceType] else { throw APIError.resourceTypeInvalid }
        try type.moveResourceGroup(tx, context, id: resourceId, to: newResourceGroupId)
    }

    static func checkExist(_ tx: some StoreTransaction, _ context: OperationContext, resourceType: String, resourceIds: [String]) throws {
        guard let type = resourceTypes[resourceType] else { throw APIError.resourceTypeInvalid }
        let found = try type.existingIds(tx, context, resourceIds)
        guard found.count == Set(resourceIds).count else { throw APIError.resourceIdNotFound }
    }
}

/// A record that can carry tags and belong to a resource group.
public protocol TaggableRecord: RegionalRecord {
    var resourceGroupId: String { get set }
}

extension TaggableRecord {
    static func existingIds(_ tx: some StoreTransaction, _ context: OperationContext, _ ids: [String]) throws -> Set<String> {
        let query = Query(
            Self.self, account: context.account, [.isIn(primaryKey, ids.map(SQLValue.text)), .equals("region_id", .text(context.regionId))],
            order: [(primaryKey, true)], forUpdate: true)
        return Set(try tx.select(query).map { record -> String in
            if case .text(let id) = record.primaryKeyValue { return id }
            return ""
        })
    }

    static func moveResourceGroup(_ tx: some StoreTransaction, _ context: OperationContext, id: String, to group: String) throws {
        guard var record = try tx.fetch(Self.self, id, account: context.account, forUpdate: true), record.regionId == context.regionId else {
            throw APIError.resourceIdNotFound
        }
        record.resourceGroupId = group
        try tx.update(record)
    }
}

extension HaVip: TaggableRecord {}
extension Vpc: TaggableRecord {}
extension VSwitch: TaggableRecord {}
extension Eip: TaggableRecord {}
extension Instance: RegionalRecord {}
extension NetworkInterface: RegionalRecord {}
extension SecurityGroup: RegionalRecord {}
