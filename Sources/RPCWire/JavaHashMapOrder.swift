/// The order in which a default `java.util.HashMap` (Java 8 and later) iterates its keys: the order the
/// Alibaba Cloud gateway writes every object of an answer in, JSON and XML alike (docs/compatibility.md,
/// "Key order", has the captures this rests on).
///
/// A key's bucket is `(h ^ (h >>> 16)) & (capacity - 1)`, `h` its `String.hashCode` (`h·31 + c` over the
/// UTF-16 code units, wrapping at 32 bits). The table starts with 16 buckets and doubles whenever it holds
/// more than three quarters of its capacity; a doubling keeps the insertion order within each bucket. So
/// the map iterates bucket by bucket, and within a bucket in insertion order. (A bucket turns into a tree
/// only past 8 keys in a table of 64 buckets or more; no answer comes near that.)
///
/// The capacity depends on how many keys the map holds, so the order of an object's keys depends on its
/// whole key set: an object havip renders with fewer keys than the real service sends is ordered with the
/// real key count (``init(keyCount:)``).
public struct JavaHashMapOrder: Sendable, Equatable {
    /// The number of buckets.
    public let capacity: Int

    /// The table of a `new HashMap<>()` after `keyCount` distinct keys were put in it.
    public init(keyCount: Int) {
        var capacity = 16
        while keyCount * 4 > capacity * 3 { capacity *= 2 }
        self.capacity = capacity
    }

    /// Java's `String.hashCode`.
    public static func hashCode(_ key: String) -> Int32 {
        Int32(bitPattern: key.utf16.reduce(UInt32(0)) { $0 &* 31 &+ UInt32($1) })
    }

    /// The bucket `key` lands in.
    public func bucket(of key: String) -> Int {
        let h = UInt32(bitPattern: Self.hashCode(key))
        return Int((h ^ (h >> 16)) & UInt32(capacity - 1))
    }

    /// `keys`, given in insertion order, as the map iterates them.
    public func ordered(_ keys: [String]) -> [String] {
        ordered(keys) { $0 }
    }

    /// `elements`, given in the insertion order of their keys, in the order the map iterates the keys.
    public func ordered<Element>(_ elements: [Element], by key: (Element) -> String) -> [Element] {
        elements.enumerated()
            .map { (bucket: bucket(of: key($0.element)), offset: $0.offset, element: $0.element) }
            .sorted { ($0.bucket, $0.offset) < ($1.bucket, $1.offset) }
            .map(\.element)
    }

    /// Whether `keys` could be the map's iteration order: their buckets never go down. (Keys sharing a
    /// bucket come in insertion order, which only the service that built the map knows.)
    public func isOrdered(_ keys: some Sequence<String>) -> Bool {
        var last = 0
        for key in keys {
            let bucket = bucket(of: key)
            if bucket < last { return false }
            last = bucket
        }
        return true
    }

    /// Where `key` goes among `keys` (already in this order): after every key of a lower bucket, and
    /// before (`insertedFirst`) or after the keys that share its bucket.
    public func position(of key: String, in keys: [String], insertedFirst: Bool) -> Int {
        let target = bucket(of: key)
        return keys.firstIndex {
            let bucket = bucket(of: $0)
            return insertedFirst ? bucket >= target : bucket > target
        } ?? keys.count
    }
}
