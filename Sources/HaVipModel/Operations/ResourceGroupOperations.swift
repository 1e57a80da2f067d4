/// Resource groups: which IDs a resource may be put in (the account's default group, or one of its stored
/// groups), and making a stored group.
public enum ResourceGroupOperations {
    /// The group a resource goes in: the account's default when `id` is nil, else `id` when it names the
    /// default or a stored group of the context's account; anything else (malformed, unknown, another
    /// account's) is `InvalidResourceGroupId`.
    public static func resolve(_ tx: some StoreTransaction, _ id: String?, _ context: OperationContext) throws -> String {
        guard let id else { return context.defaultResourceGroupId }
        guard ResourceGroup.isValid(id) else { throw APIError.resourceGroupIdInvalid }
        if id == context.defaultResourceGroupId { return id }
        guard try tx.fetch(ResourceGroup.self, id, account: context.account) != nil else { throw APIError.resourceGroupIdInvalid }
        return id
    }

    /// Stores a group named `name` for the context's account, with `id` or a new `rg-` ID; a malformed or
    /// taken ID (the default's included) is `InvalidResourceGroupId`.
    public static func create(_ tx: some StoreTransaction, _ context: OperationContext, id: String?, name: String) throws -> ResourceGroup {
        let id = id ?? context.ids.resourceId(prefix: "rg")
        guard ResourceGroup.isValid(id), id != context.defaultResourceGroupId,
            try tx.fetch(ResourceGroup.self, id, account: context.account) == nil
        else { throw APIError.resourceGroupIdInvalid }
        let group = ResourceGroup(id: id, account: context.account, name: name, createdAt: context.now)
        try tx.insert(group)
        return group
    }
}
