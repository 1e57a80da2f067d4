import Synchronization

/// Where the deep pages of a long listing start, learned once and kept between requests, so that a page
/// far into a listing costs a seek and at most `stride - 1` skipped rows instead of stepping over every
/// row before it (an `OFFSET` of 50,000 rows is about 5 ms of CPU, and its readers starve the others).
///
/// A listing (one scope of one account, e.g. the HaVips of a region or of a VPC) has a mark every `stride`
/// items in its order (creation time, then ID): the item at position `stride × (i + 1) − 1`. Page N then
/// starts after the nearest mark before its offset, with the remainder as `OFFSET`. Marks are exact only for
/// the rows they were learned on: each listing's marks belong to a version, a token the store changes in
/// the same transaction as every row added to or removed from the listing. A reader reads the version in
/// its own snapshot and uses marks of that version only, so paging stays exactly what `OFFSET` gives
/// whatever is written meanwhile; marks of another version are learned again.
///
/// Kept per process (each node of a cluster learns its own); bounded: past `capacity` listings, all are
/// forgotten.
public final class PageMarks: Sendable {
    public let stride: Int
    private let capacity: Int
    private let listings = Mutex<[String: Listing]>([:])

    struct Listing {
        let version: Int
        var marks: [PageCursor]
    }

    public init(stride: Int = 256, capacity: Int = 1_024) {
        precondition(stride >= 2 && capacity >= 1)
        self.stride = stride
        self.capacity = capacity
    }

    /// Where a page at `offset` of the listing `key` (at `version`, read in the caller's snapshot) starts:
    /// after `cursor`, skipping `remaining` items more; nil when the page starts before the first mark.
    /// `markAfter` finds the item `stride - 1` after a cursor (the first mark when nil), in the snapshot.
    func start(
        offset: Int, key: String, version: Int, markAfter: (PageCursor?) throws -> PageCursor?
    ) rethrows -> (cursor: PageCursor, remaining: Int)? {
        let needed = offset / stride
        guard needed > 0 else { return nil }
        var marks = listings.withLock { listings in listings[key].flatMap { $0.version == version ? $0.marks : nil } } ?? []
        let known = marks.count
        while marks.count < needed {
            guard let mark = try markAfter(marks.last) else { break }
            marks.append(mark)
        }
        if marks.count > known { remember(key: key, Listing(version: version, marks: marks)) }
        let used = min(marks.count, needed)
        guard used > 0 else { return nil }
        return (marks[used - 1], offset - used * stride)
    }

    private func remember(key: String, _ listing: Listing) {
        listings.withLock { listings in
            if let current = listings[key], current.version == listing.version, current.marks.count >= listing.marks.count { return }
            if listings[key] == nil, listings.count >= capacity { listings.removeAll() }
            listings[key] = listing
        }
    }
}

/// One listing's marks as a reader may use them: the process's ``PageMarks``, the listing's key, and its
/// version as read in the reader's snapshot.
public struct ListingMarks {
    public let marks: PageMarks
    public let key: String
    public let version: Int

    public init(_ marks: PageMarks, key: String, version: Int) {
        self.marks = marks
        self.key = key
        self.version = version
    }
}
