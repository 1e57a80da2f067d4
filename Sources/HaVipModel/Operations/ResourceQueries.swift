/// Paged listing of any resource of the account in a region, oldest first, with an exact total.
public enum ResourceQueries {
    public static func page<R: RegionalRecord>(
        _ tx: some StoreTransaction, _ context: OperationContext, _ type: R.Type, _ conditions: [Condition<R>], pageNumber: Int, pageSize: Int
    ) throws -> (total: Int, items: [R]) {
        let base = Query(type, account: context.account, [.equals(R.column.regionId, context.regionId)] + conditions)
        let total = try tx.count(base)
        let offset = (pageNumber - 1) * pageSize
        guard total > offset else { return (total, []) }
        var page = base
        page.order = [.ascending(R.column.createdAt), .ascending(R.column.id)]
        page.limit = pageSize
        page.offset = offset
        return (total, try tx.select(page))
    }

    /// The region of an account's resource, for actions whose RegionId is optional.
    public static func regionOf<R: RegionalRecord>(_ tx: some StoreTransaction, account: AccountID, _ type: R.Type, id: String) throws -> String? {
        try tx.fetch(type, id, account: account)?.regionId
    }
}
