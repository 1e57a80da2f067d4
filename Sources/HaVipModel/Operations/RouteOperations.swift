/// Route tables and their custom route entries: each VPC's system route table (made and removed with the
/// VPC), routes to a HaVip, an ECS instance or an ENI of the same VPC, and the rules the real service states
/// for them (docs/compatibility.md, "Route tables").
public enum RouteOperations {
    /// Custom entries one route table holds.
    static let maxCustomEntries = 200
    /// The range cloud services use inside every VPC: no custom route may point into it.
    static let serviceRange = IPv4CIDR("100.64.0.0/10")!

    /// The system route table of a VPC being made, under the ID the VPC names.
    static func createSystemTable(_ tx: some StoreTransaction, for vpc: Vpc) throws {
        try tx.insert(
            RouteTable(
                id: vpc.routeTableId, account: vpc.account, regionId: vpc.regionId, vpcId: vpc.id, vRouterId: vpc.vRouterId, name: "",
                description: "", resourceGroupId: vpc.resourceGroupId, createdAt: vpc.createdAt))
    }

    /// Removes a VPC's route tables and their entries, with the VPC.
    static func removeTables(_ tx: some StoreTransaction, of vpc: Vpc) throws {
        try tx.delete(Query(RouteEntry.self, account: vpc.account, [.equals(RouteEntry.column.vpcId, vpc.id)]))
        try tx.delete(Query(RouteTable.self, account: vpc.account, [.equals(RouteTable.column.vpcId, vpc.id)]))
    }

    public struct CreateEntryRequest: Sendable {
        public var routeTableId: String
        public var destinationCidrBlock: String
        public var nextHopType: RouteNextHopType
        public var nextHopId: String
        public var name: String?
        public var description: String?

        public init(
            routeTableId: String, destinationCidrBlock: String, nextHopType: RouteNextHopType, nextHopId: String, name: String? = nil,
            description: String? = nil
        ) {
            self.routeTableId = routeTableId
            self.destinationCidrBlock = destinationCidrBlock
            self.nextHopType = nextHopType
            self.nextHopId = nextHopId
            self.name = name
            self.description = description
        }
    }

    /// Adds a custom route: `Pending`, then `Available` when the mode in force lets it. One route of a table
    /// is added at a time (another still Pending is `IncorrectRouteEntryStatus`).
    public static func createEntry(_ tx: some StoreTransaction, _ context: OperationContext, _ request: CreateEntryRequest) throws -> RouteEntry {
        let name = try Validation.name(request.name, error: .invalidParameter("RouteEntryName"))
        let description = try Validation.description(request.description)
        let table = try tx.find(RouteTable.self, request.routeTableId, context, notFound: .routeTableNotFound, lock: true)
        let cidr = try destination(request.destinationCidrBlock)
        let vSwitches = try tx.select(Query(VSwitch.self, account: context.account, [.equals(VSwitch.column.vpcId, table.vpcId)]))
        guard !serviceRange.contains(cidr), !vSwitches.contains(where: { $0.cidr.map { $0.contains(cidr) } ?? false }) else {
            throw APIError.routeCidrInvalid
        }
        try checkNextHop(tx, context, type: request.nextHopType, id: request.nextHopId, vpcId: table.vpcId)
        let entries = try tx.select(Query(RouteEntry.self, account: context.account, [.equals(RouteEntry.column.routeTableId, table.id)]))
        guard !entries.contains(where: { $0.destinationCidrBlock == cidr.description }) else { throw APIError.routeCidrDuplicate }
        guard !entries.contains(where: { $0.status == .pending }) else { throw APIError.routeEntryIncorrectStatus }
        guard entries.count < maxCustomEntries else { throw APIError.routeEntryQuotaExceeded }
        var entry = RouteEntry(
            id: context.ids.resourceId(prefix: "rte"), account: context.account, regionId: context.regionId, routeTableId: table.id,
            vpcId: table.vpcId, destinationCidrBlock: cidr.description, nextHopType: request.nextHopType, nextHopId: request.nextHopId,
            name: name, description: description, status: .pending, nextStatus: nil, dueAt: nil, createdAt: context.now)
        try RouteEntryTransitions.begin(tx, &entry, through: .pending, target: .available, context: context)
        try tx.insert(entry)
        return entry
    }

    /// A destination: a CIDR block, or one address (a /32). Host bits must be clear.
    static func destination(_ text: String) throws -> IPv4CIDR {
        if let cidr = IPv4CIDR(text) { return cidr }
        if !text.contains("/"), let address = IPv4Address(text) { return IPv4CIDR(network: address, prefixLength: 32) }
        throw APIError.routeCidrMalformed
    }

    /// The next hop exists in the account and region, in the table's VPC, and (a HaVip) can carry traffic.
    static func checkNextHop(_ tx: some StoreTransaction, _ context: OperationContext, type: RouteNextHopType, id: String, vpcId: String) throws {
        let hopVpc: String
        switch type {
        case .haVip:
            let haVip = try HaVipOperations.find(tx, context, id)
            guard haVip.status == .available || haVip.status == .inUse else { throw APIError.haVipAssociateIncorrectStatus }
            hopVpc = haVip.vpcId
        case .instance:
            hopVpc = try tx.find(Instance.self, id, context, notFound: .instanceNotFound).vpcId
        case .networkInterface:
            hopVpc = try tx.find(NetworkInterface.self, id, context, notFound: .networkInterfaceNotFound).vpcId
        }
        guard hopVpc == vpcId else { throw APIError.routeNextHopVpcMismatch }
    }

    /// Which custom route DeleteRouteEntry names: its ID, or its table and destination (and next hop, when given).
    public enum EntryReference: Sendable {
        case id(String)
        case destination(routeTableId: String, cidrBlock: String, nextHopId: String?)
    }

    /// Removes a custom route at once. A system route cannot be removed; nor can a route while one of its table
    /// is still Pending.
    public static func deleteEntry(_ tx: some StoreTransaction, _ context: OperationContext, _ reference: EntryReference) throws {
        let entry: RouteEntry
        switch reference {
        case .id(let id):
            guard let found = try tx.fetch(RouteEntry.self, id, account: context.account, forUpdate: true), found.regionId == context.regionId else {
                if try isSystemEntry(tx, context, id: id) { throw APIError.routeEntrySystem }
                throw APIError.routeEntryNotFound
            }
            entry = found
        case .destination(let tableId, let cidrText, let nextHopId):
            let table = try tx.find(RouteTable.self, tableId, context, notFound: .routeTableNotFound, lock: true)
            let cidr = try destination(cidrText)
            let custom = try tx.select(
                Query(
                    RouteEntry.self, account: context.account,
                    [.equals(RouteEntry.column.routeTableId, table.id), .equals(RouteEntry.column.destinationCidrBlock, cidr.description)]))
            guard let found = custom.first(where: { nextHopId == nil || $0.nextHopId == nextHopId }) else {
                let system = try systemEntries(tx, table: table)
                if system.contains(where: { $0.destinationCidrBlock == cidr.description }) { throw APIError.routeEntrySystem }
                throw APIError.routeEntryNotFound
            }
            entry = found
        }
        let pending = try tx.first(
            Query(RouteEntry.self, account: context.account, [.equals(RouteEntry.column.routeTableId, entry.routeTableId), .equals(RouteEntry.column.status, .pending)]))
        guard pending == nil else { throw APIError.routeEntryIncorrectStatus }
        try tx.delete(entry, account: context.account)
    }

    /// Whether a HaVip, an instance or an ENI is the next hop of any route (then it cannot be deleted).
    static func isNextHop(_ tx: some StoreTransaction, account: AccountID, id: String) throws -> Bool {
        try tx.first(Query(RouteEntry.self, account: account, [.equals(RouteEntry.column.nextHopId, id)])) != nil
    }
}
