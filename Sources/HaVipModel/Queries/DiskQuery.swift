/// DescribeDisks: by IDs, instance, type, category, status, zone, name and tags; paged.
public struct DiskQuery: Sendable {
    public var ids: [String] = []
    public var instanceId: String?
    public var type: DiskType?
    public var category: DiskCategory?
    public var status: DiskStatus?
    public var zoneId: String?
    public var name: String?
    public var resourceGroupId: String?
    /// Only disks with every one of these tags (with the value, when given).
    public var tags: [(key: String, value: String?)] = []
    public var page: PageRequest

    public init(page: PageRequest = PageRequest()) {
        self.page = page
    }

    var conditions: [Condition<Disk>] {
        let column = Disk.column
        var conditions: [Condition<Disk>] = []
        if !ids.isEmpty { conditions.append(.isIn(column.id, ids)) }
        if let instanceId { conditions.append(.equals(column.instanceId, instanceId)) }
        if let type { conditions.append(.equals(column.type, type)) }
        if let category { conditions.append(.equals(column.category, category)) }
        if let status { conditions.append(.equals(column.status, status)) }
        if let zoneId { conditions.append(.equals(column.zoneId, zoneId)) }
        if let name { conditions.append(.equals(column.name, name)) }
        if let resourceGroupId { conditions.append(.equals(column.resourceGroupId, resourceGroupId)) }
        return conditions
    }
}

/// A disk with what DescribeDisks shows beside it.
public struct DiskView: Sendable {
    public let disk: Disk
    public let tags: [(key: String, value: String)]
}

extension ComputeOperations {
    /// One page of the account's disks in the context's region, oldest first, and the exact total.
    public static func describeDisks(_ tx: some StoreTransaction, _ context: OperationContext, _ query: DiskQuery) throws -> Page<DiskView> {
        let page = try ResourceQueries.page(tx, context, query.conditions, tags: query.tags, query.page)
        let tags = try TagOperations.tags(tx, account: context.account, resourceType: .disk, resourceIds: page.items.map(\.id))
        return Page(total: page.total, items: page.items.map { DiskView(disk: $0, tags: tags[$0.id] ?? []) }, next: page.next)
    }
}
