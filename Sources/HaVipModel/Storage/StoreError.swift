/// Failures of a store, below the level of API errors.
public enum StoreError: Error, Sendable, Equatable {
    /// A unique constraint or a concurrent transaction refused the write (another request got there
    /// first). Stores run the whole transaction again a few times before giving up.
    case conflict(String)
    /// A row could not be read back into its record.
    case corruptRow(String)
    /// The database cannot be reached; requests get `ServiceUnavailable`.
    case unavailable(String)
    /// The database refused a statement for another reason (a bug in havip); requests get `InternalError`.
    case failed(String)
}
