/// Which page of a listing a request asks for: `number` counts from 1, `size` items each; or, paging
/// by token (`NextToken`/`MaxResults`), the `size` items after `cursor` (from the start when nil).
public struct PageRequest: Sendable, Equatable {
    public var number: Int
    public var size: Int
    /// Paging by token: `number` is not used and the page says where the next one starts.
    public var byToken: Bool
    /// Where a token page starts: after this item.
    public var cursor: PageCursor?

    public init(number: Int = 1, size: Int = 10) {
        self.number = number
        self.size = size
        self.byToken = false
        self.cursor = nil
    }

    /// A token page of `size` items after `cursor` (the first page when nil).
    public static func after(_ cursor: PageCursor?, size: Int) -> PageRequest {
        var request = PageRequest(number: 1, size: size)
        (request.byToken, request.cursor) = (true, cursor)
        return request
    }

    /// How many matches come before the page.
    public var offset: Int { byToken ? 0 : (number - 1) * size }
}

/// A position in a listing's order (creation time, then ID): the last item of a token page.
public struct PageCursor: Sendable, Equatable {
    public let createdAt: Double
    public let id: String

    public init(createdAt: Double, id: String) {
        self.createdAt = createdAt
        self.id = id
    }
}

/// One page of a listing, and how many matches there are in all.
public struct Page<Item: Sendable>: Sendable {
    public let total: Int
    public let items: [Item]
    /// For a token page that is not the last: where the next one starts.
    public let next: PageCursor?

    public init(total: Int, items: [Item], next: PageCursor? = nil) {
        self.total = total
        self.items = items
        self.next = next
    }
}

/// Paged listing of any resource of the account in a region, oldest first, with an exact total: what
/// every Describe shares. Views (the rows shown beside each item) are loaded for a page at once.
public enum ResourceQueries {
    /// One page of the resources in the context's account and region that match `conditions`, ordered
    /// by creation time then ID, and the exact total (`knownTotal` when the caller has it without counting).
    /// With `marks` (of the listing `conditions` select), a numbered page starts from the nearest mark.
    public static func page<R: RegionalRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ conditions: [Condition<R>], _ request: PageRequest,
        knownTotal: Int? = nil, marks: ListingMarks? = nil
    ) throws -> Page<R> {
        let base = Query(R.self, account: context.account, [.equals(R.column.regionId, context.regionId)] + conditions)
        let total = try knownTotal ?? tx.count(base)
        guard total > request.offset else { return Page(total: total, items: []) }
        var page = base
        page.order = [.ascending(R.column.createdAt), .ascending(R.column.id)]
        guard request.byToken else {
            page.limit = request.size
            page.offset = request.offset
            if let marks, let start = try marks.marks.start(offset: request.offset, key: marks.key, version: marks.version, markAfter: { cursor in
                var step = page
                if let cursor { step.conditions.append(.after(R.column.createdAt, cursor.createdAt, then: R.column.id, cursor.id)) }
                (step.limit, step.offset) = (1, marks.marks.stride - 1)
                return try tx.select(step).first.map { PageCursor(createdAt: $0.createdAt, id: $0.id) }
            }) {
                page.conditions.append(.after(R.column.createdAt, start.cursor.createdAt, then: R.column.id, start.cursor.id))
                page.offset = start.remaining
            }
            return Page(total: total, items: try tx.select(page))
        }
        // One item more than asked says whether another page follows.
        if let cursor = request.cursor { page.conditions.append(.after(R.column.createdAt, cursor.createdAt, then: R.column.id, cursor.id)) }
        page.limit = request.size + 1
        let items = try tx.select(page)
        let kept = Array(items.prefix(request.size))
        let next = items.count > request.size ? kept.last.map { PageCursor(createdAt: $0.createdAt, id: $0.id) } : nil
        return Page(total: total, items: kept, next: next)
    }

    /// ``page(_:_:_:_:knownTotal:marks:)`` for resources that carry tags: only those with every tag of `tags`
    /// (with its value, when one is given).
    public static func page<R: TaggableRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ conditions: [Condition<R>], tags: [(key: String, value: String?)],
        _ request: PageRequest, knownTotal: Int? = nil, marks: ListingMarks? = nil
    ) throws -> Page<R> {
        try page(tx, context, conditions + tags.map { .hasTag($0.key, value: $0.value) }, request, knownTotal: knownTotal, marks: marks)
    }

    /// The region of an account's resource, for actions whose RegionId is optional.
    public static func regionOf<R: RegionalRecord>(_ tx: some StoreTransaction, account: AccountID, _ type: R.Type, id: String) throws -> String? {
        try tx.fetch(type, id, account: account)?.regionId
    }
}

extension Page {
    /// The same page with each item made into something else (a view, a response node).
    public func map<Other>(_ transform: (Item) throws -> Other) rethrows -> Page<Other> {
        Page<Other>(total: total, items: try items.map(transform), next: next)
    }
}
