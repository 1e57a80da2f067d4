/// Hands out the private addresses of a vSwitch, shared by HaVips, instances and ENIs.
///
/// Free addresses are kept as runs (``IPFreeRange``); the reserved first and last three addresses are never
/// in a run. Automatic allocation takes the lowest free address (one indexed lookup, however full the
/// vSwitch); an explicit address splits the run that holds it. Every address in use also has an
/// ``IPAllocation`` row, whose primary key makes a double allocation impossible even across nodes.
///
/// It throws ``AddressProblem``; each product's operations turn that into their own error codes.
public enum IPAllocator {
    /// Makes every usable address of a new vSwitch free.
    public static func open(_ tx: some StoreTransaction, vSwitch: VSwitch, cidr: IPv4CIDR) throws {
        guard let usable = cidr.usableRange else { return }
        try tx.insert(IPFreeRange(account: vSwitch.account, vSwitchId: vSwitch.id, first: usable.lowerBound, last: usable.upperBound))
    }

    /// Forgets a deleted vSwitch's free runs.
    public static func close(_ tx: some StoreTransaction, vSwitch: VSwitch) throws {
        try tx.delete(Query(IPFreeRange.self, account: vSwitch.account, [.equals(IPFreeRange.column.vSwitchId, vSwitch.id)]))
    }

    /// Allocates `requested` (checked) or, when nil, the lowest free address of the vSwitch, to `ownerId`.
    public static func allocate(
        _ tx: some StoreTransaction, vSwitch: VSwitch, requested: String?, ownerId: String
    ) throws -> IPv4Address {
        guard let cidr = vSwitch.cidr else { throw StoreError.corruptRow("vswitch cidr \(vSwitch.cidrBlock)") }
        try tx.lock(VSwitch.self, vSwitch.id, account: vSwitch.account)
        let scope: [Condition<IPFreeRange>] = [.equals(IPFreeRange.column.vSwitchId, vSwitch.id)]
        let address: UInt32
        if let requested {
            guard let wanted = IPv4Address(requested) else { throw AddressProblem.malformed }
            guard cidr.contains(wanted) else { throw AddressProblem.outOfRange }
            guard !cidr.isReserved(wanted) else { throw AddressProblem.reserved }
            let holder = try tx.first(
                Query(
                    IPFreeRange.self, account: vSwitch.account, scope + [.lessOrEqual(IPFreeRange.column.first, wanted.value)],
                    order: [.descending(IPFreeRange.column.first)], forUpdate: true))
            guard let range = holder, range.last >= wanted.value else { throw AddressProblem.alreadyUsed }
            try tx.delete(range, account: vSwitch.account)
            if range.first < wanted.value {
                try tx.insert(IPFreeRange(account: vSwitch.account, vSwitchId: vSwitch.id, first: range.first, last: wanted.value - 1))
            }
            if wanted.value < range.last {
                try tx.insert(IPFreeRange(account: vSwitch.account, vSwitchId: vSwitch.id, first: wanted.value + 1, last: range.last))
            }
            address = wanted.value
        } else {
            let lowest = try tx.first(
                Query(IPFreeRange.self, account: vSwitch.account, scope, order: [.ascending(IPFreeRange.column.first)], forUpdate: true))
            guard let range = lowest else { throw AddressProblem.exhausted }
            try tx.delete(range, account: vSwitch.account)
            if range.first < range.last {
                try tx.insert(IPFreeRange(account: vSwitch.account, vSwitchId: vSwitch.id, first: range.first + 1, last: range.last))
            }
            address = range.first
        }
        // A concurrent writer that took the same address makes this insert conflict; the store then runs
        // the whole transaction again on fresh state.
        try tx.insert(IPAllocation(account: vSwitch.account, vSwitchId: vSwitch.id, address: address, ownerId: ownerId))
        return IPv4Address(address)
    }

    /// Returns an address to the vSwitch's free runs, merging it with its neighbours.
    public static func release(_ tx: some StoreTransaction, vSwitch: VSwitch, address text: String) throws {
        guard let address = IPv4Address(text)?.value else { return }
        let account = vSwitch.account
        try tx.lock(VSwitch.self, vSwitch.id, account: account)
        let deleted = try tx.delete(
            Query(IPAllocation.self, account: account, [.equals(IPAllocation.column.key, IPAllocation.key(vSwitchId: vSwitch.id, address: address))]))
        guard deleted > 0 else { return }
        let scope: [Condition<IPFreeRange>] = [.equals(IPFreeRange.column.vSwitchId, vSwitch.id)]
        var first = address
        var last = address
        if address > 0,
            let before = try tx.first(Query(IPFreeRange.self, account: account, scope + [.equals(IPFreeRange.column.last, address - 1)]))
        {
            try tx.delete(before, account: account)
            first = before.first
        }
        if address < UInt32.max,
            let after = try tx.first(Query(IPFreeRange.self, account: account, scope + [.equals(IPFreeRange.column.first, address + 1)]))
        {
            try tx.delete(after, account: account)
            last = after.last
        }
        try tx.insert(IPFreeRange(account: account, vSwitchId: vSwitch.id, first: first, last: last))
    }

    /// How many addresses of the vSwitch are in use.
    public static func usedCount(_ tx: some StoreTransaction, vSwitch: VSwitch) throws -> Int {
        try tx.count(Query(IPAllocation.self, account: vSwitch.account, [.equals(IPAllocation.column.vSwitchId, vSwitch.id)]))
    }
}

/// Why an address could not be allocated.
public enum AddressProblem: Error, Sendable, Equatable {
    case malformed
    case outOfRange
    case reserved
    case alreadyUsed
    case exhausted
}
