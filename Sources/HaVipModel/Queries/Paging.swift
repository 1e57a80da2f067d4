/// Which page of a listing a request asks for: `number` counts from 1, `size` items each.
public struct PageRequest: Sendable, Equatable {
    public var number: Int
    public var size: Int

    public init(number: Int = 1, size: Int = 10) {
        self.number = number
        self.size = size
    }

    /// How many matches come before the page.
    public var offset: Int { (number - 1) * size }
}

/// One page of a listing, and how many matches there are in all.
public struct Page<Item: Sendable>: Sendable {
    public let total: Int
    public let items: [Item]

    public init(total: Int, items: [Item]) {
        self.total = total
        self.items = items
    }
}

/// Paged listing of any resource of the account in a region, oldest first, with an exact total: what
/// every Describe shares. Views (the rows shown beside each item) are loaded for a page at once.
public enum ResourceQueries {
    /// One page of the resources in the context's account and region that match `conditions`, ordered
    /// by creation time then ID, and the exact total (`knownTotal` when the caller has it without counting).
    public static func page<R: RegionalRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ conditions: [Condition<R>], _ request: PageRequest,
        knownTotal: Int? = nil
    ) throws -> Page<R> {
        let base = Query(R.self, account: context.account, [.equals(R.column.regionId, context.regionId)] + conditions)
        let total = try knownTotal ?? tx.count(base)
        guard total > request.offset else { return Page(total: total, items: []) }
        var page = base
        page.order = [.ascending(R.column.createdAt), .ascending(R.column.id)]
        page.limit = request.size
        page.offset = request.offset
        return Page(total: total, items: try tx.select(page))
    }

    /// ``page(_:_:_:_:knownTotal:)`` for resources that carry tags: only those with every tag of `tags`
    /// (with its value, when one is given).
    public static func page<R: TaggableRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ conditions: [Condition<R>], tags: [(key: String, value: String?)],
        _ request: PageRequest, knownTotal: Int? = nil
    ) throws -> Page<R> {
        try page(tx, context, conditions + tags.map { .hasTag($0.key, value: $0.value) }, request, knownTotal: knownTotal)
    }

    /// The region of an account's resource, for actions whose RegionId is optional.
    public static func regionOf<R: RegionalRecord>(_ tx: some StoreTransaction, account: AccountID, _ type: R.Type, id: String) throws -> String? {
        try tx.fetch(type, id, account: account)?.regionId
    }
}

extension Page {
    /// The same page with each item made into something else (a view, a response node).
    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(total: total, items: try items.map(transform))
    }
}
