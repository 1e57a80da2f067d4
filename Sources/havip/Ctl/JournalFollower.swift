import HaVipClient

/// Which journal entries of a poll are new: the journal answers its last entries each time, so an entry is
/// new when the previous poll did not list it. Remembers one poll's IDs, no more (a poll of at most `limit`
/// entries); if more requests than that arrive between two polls, the oldest of them are not seen.
struct JournalFollower {
    private var previous: Set<String> = []

    /// The entries of `page` that the previous page did not hold, in the page's order.
    mutating func newEntries(_ page: [JournalEntry]) -> [JournalEntry] {
        let fresh = page.filter { !previous.contains($0.requestId) }
        previous = Set(page.map(\.requestId))
        return fresh
    }
}
