/// Tags of HaVips, VPCs, vSwitches and EIPs (VPC) and of instances, security groups, ENIs and disks (ECS),
/// and resource-group moves.
public enum TagOperations {
    /// Sets tags on a new resource.
    static func replace<R: TaggableRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ resource: R, tags: [(key: String, value: String)]
    ) throws {
        for tag in tags {
            try tx.insert(Tag(account: context.account, resourceType: R.resourceType, resourceId: resource.id, key: tag.key, value: tag.value))
        }
    }

    /// TagResources: adds or overwrites tags on existing resources, within the per-resource limit.
    public static func tag(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: ResourceType, resourceIds: [String],
        tags: [(key: String, value: String)]
    ) throws {
        try checkExist(tx, context, resourceType: resourceType, resourceIds: resourceIds)
        for resourceId in resourceIds {
            let current = try Self.tags(tx, account: context.account, resourceType: resourceType, resourceIds: [resourceId])[resourceId] ?? []
            let newKeys = Set(tags.map(\.key)).subtracting(current.map(\.key))
            guard current.count + newKeys.count <= context.settings.maxTagsPerResource else { throw resourceType.tagErrors.quotaExceeded }
            for tag in tags {
                let record = Tag(account: context.account, resourceType: resourceType, resourceId: resourceId, key: tag.key, value: tag.value)
                if current.contains(where: { $0.key == tag.key }) { try tx.update(record) } else { try tx.insert(record) }
            }
        }
    }

    /// UnTagResources (ECS: UntagResources): removes the given keys, or every tag with `all`.
    public static func untag(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: ResourceType, resourceIds: [String], keys: [String], all: Bool
    ) throws {
        try checkExist(tx, context, resourceType: resourceType, resourceIds: resourceIds)
        for resourceId in resourceIds {
            var conditions: [Condition<Tag>] = [.equals(Tag.column.resourceType, resourceType), .equals(Tag.column.resourceId, resourceId)]
            if !all { conditions.append(.isIn(Tag.column.key, keys)) }
            try tx.delete(Query(Tag.self, account: context.account, conditions))
        }
    }

    /// ListTagResources: tags of the given resources (or of every resource of the type), optionally only
    /// resources that carry all of `filterTags`; ordered by resource then key, paged by offset.
    public static func list(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: ResourceType, resourceIds: [String],
        filterTags: [(key: String, value: String?)], offset: Int, limit: Int
    ) throws -> (tags: [Tag], hasMore: Bool) {
        var conditions: [Condition<Tag>] = [.equals(Tag.column.resourceType, resourceType)]
        if !resourceIds.isEmpty { conditions.append(.isIn(Tag.column.resourceId, resourceIds)) }
        var candidates = try tx.select(
            Query(Tag.self, account: context.account, conditions, order: [.ascending(Tag.column.resourceId), .ascending(Tag.column.key)]))
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

    /// The tags of some resources, keyed by resource ID, each list ordered by key: one query for them all.
    public static func tags(
        _ tx: some StoreTransaction, account: AccountID, resourceType: ResourceType, resourceIds: [String]
    ) throws -> [String: [(key: String, value: String)]] {
        guard !resourceIds.isEmpty else { return [:] }
        var result: [String: [(key: String, value: String)]] = [:]
        let query = Query(
            Tag.self, account: account, [.equals(Tag.column.resourceType, resourceType), .isIn(Tag.column.resourceId, resourceIds)],
            order: [.ascending(Tag.column.key)])
        for tag in try tx.select(query) { result[tag.resourceId, default: []].append((tag.key, tag.value)) }
        return result
    }

    /// Forgets the tags of a resource that is going away.
    static func removeAll<R: TaggableRecord>(_ tx: some StoreTransaction, _ resource: R) throws {
        try tx.delete(
            Query(
                Tag.self, account: resource.account,
                [.equals(Tag.column.resourceType, R.resourceType), .equals(Tag.column.resourceId, resource.id)]))
    }

    /// MoveResourceGroup for a HaVip, VPC, vSwitch or EIP.
    public static func moveResourceGroup(
        _ tx: some StoreTransaction, _ context: OperationContext, resourceType: ResourceType, resourceId: String, newResourceGroupId: String
    ) throws {
        // A malformed group is refused first, an unknown one once the resource is found.
        guard ResourceGroup.isValid(newResourceGroupId) else { throw APIError.resourceGroupIdInvalid }
        try resourceType.record.moveResourceGroup(tx, context, id: resourceId, to: newResourceGroupId)
    }

    static func checkExist(_ tx: some StoreTransaction, _ context: OperationContext, resourceType: ResourceType, resourceIds: [String]) throws {
        let found = try resourceType.record.existingIds(tx, context, resourceIds)
        guard found.count == Set(resourceIds).count else { throw resourceType.resourceNotFound }
    }
}

extension TaggableRecord {
    /// Which of `ids` exist in the context's account and region, locked until the transaction ends.
    static func existingIds(_ tx: some StoreTransaction, _ context: OperationContext, _ ids: [String]) throws -> Set<String> {
        let query = Query(
            Self.self, account: context.account, [.isIn(column.id, ids), .equals(column.regionId, context.regionId)],
            order: [.ascending(column.id)], forUpdate: true)
        return Set(try tx.select(query).map(\.id))
    }

    static func moveResourceGroup(_ tx: some StoreTransaction, _ context: OperationContext, id: String, to group: String) throws {
        guard var record = try tx.fetch(Self.self, id, account: context.account, forUpdate: true), record.regionId == context.regionId else {
            throw APIError.resourceIdNotFound
        }
        record.resourceGroupId = try ResourceGroupOperations.resolve(tx, group, context)
        try tx.update(record)
    }
}
