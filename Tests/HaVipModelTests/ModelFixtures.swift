import Foundation
import HaVipModel
import HaVipPostgres
import HaVipSQLite
import Logging
import Testing

/// The store every model test runs on: a SQLite file of its own (the default store, with its WAL writer
/// and read-only reader connections), or, when `HAVIP_TEST_POSTGRES_URL` is set, a schema of its own on
/// that PostgreSQL server. The same tests on both are the store contract.
enum TestStores {
    static let postgresURL = ProcessInfo.processInfo.environment["HAVIP_TEST_POSTGRES_URL"]
    static var onPostgres: Bool { postgresURL != nil }

    /// Where this test process keeps its SQLite files; those of earlier test processes that have ended
    /// are removed the first time it is asked for.
    static let folder: URL = {
        let temporary = FileManager.default.temporaryDirectory
        let prefix = "havip-model-tests-"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), kill(pid, 0) != 0 {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        return temporary.appendingPathComponent(prefix + "\(ProcessInfo.processInfo.processIdentifier)")
    }()

    /// A fresh, empty store, and the work that must finish before it is used.
    static func make() throws -> (store: any HaVipStore, ready: Task<Void, any Error>) {
        guard let url = postgresURL else {
            return (try SQLiteStore(path: folder.appendingPathComponent(UUID().uuidString + ".sqlite").path), Task {})
        }
        var logger = Logger(label: "havip-test")
        logger.logLevel = .error
        // Every test runs at once against one local PostgreSQL on a shared machine: a transaction can wait
        // seconds for a connection or a lock there, which is load, not a fault of the code under test, so the
        // tests' stores wait up to a minute (the server's default of 5 s is tested through the outage test).
        let store = try PostgresStore(
            url: url, poolSize: 2, operationTimeout: .seconds(60),
            schema: "t" + UUID().uuidString.lowercased().filter(\.isHexDigit), logger: logger)
        Task.detached { await store.client.run() }
        return (store, Task { try await store.migrate() })
    }
}

/// The accounts, regions and zones the model tests work in.
enum Fixture {
    static let account = AccountID("1000000000000001")
    static let otherAccount = AccountID("2000000000000002")
    static let region = "cn-hangzhou"
    static let zone = "cn-hangzhou-h"
    static let otherRegion = "cn-beijing"
    static let otherZone = "cn-beijing-a"
}

/// A fresh store (``TestStores``) with a manual clock and sequential IDs. Every ``write(account:region:settle:ids:_:)``
/// is one transaction that first finishes the account's due HaVip transitions, as the server's
/// `ActionCall.write` does.
struct Harness: Sendable {
    let store: any HaVipStore
    let ready: Task<Void, any Error>
    let clock: ManualClock
    let ids: SequentialIDGenerator
    let settings: ModelSettings
    /// Marks every 3 items, so that the paging tests' small listings are paged from marks as deep pages are.
    let marks = PageMarks(stride: 3)

    init(settings: ModelSettings = ModelSettings(transitionDelay: 0)) throws {
        (store, ready) = try TestStores.make()
        clock = ManualClock()
        ids = SequentialIDGenerator()
        self.settings = settings
    }

    func context(
        account: AccountID = Fixture.account, region: String = Fixture.region, ids: (any IDGenerator)? = nil
    ) -> OperationContext {
        OperationContext(account: account, regionId: region, now: clock.now(), ids: ids ?? self.ids, settings: settings, pageMarks: marks)
    }

    @discardableResult
    func write<T: Sendable>(
        account: AccountID = Fixture.account, region: String = Fixture.region, settle: Bool = true, ids: (any IDGenerator)? = nil,
        _ body: @escaping @Sendable (any StoreTransaction, OperationContext) throws -> T
    ) async throws -> T {
        let context = context(account: account, region: region, ids: ids)
        try await ready.value
        return try await store.write { tx in
            if settle { try Transitions.settle(tx, account: context.account, now: context.now) }
            return try body(tx, context)
        }
    }

    /// Reads without settling: what is stored right now.
    func read<T: Sendable>(
        account: AccountID = Fixture.account, region: String = Fixture.region,
        _ body: @escaping @Sendable (any StoreTransaction, OperationContext) throws -> T
    ) async throws -> T {
        let context = context(account: account, region: region)
        try await ready.value
        return try await store.read { tx in try body(tx, context) }
    }

    /// Runs `Transitions.settle` alone (HaVips and route entries), at the clock's current time.
    func settle(account: AccountID = Fixture.account) async throws {
        try await write(account: account, settle: false) { tx, context in
            try Transitions.settle(tx, account: context.account, now: context.now)
        }
    }

    /// Moves the clock past any pending transition and settles.
    func finishTransitions(account: AccountID = Fixture.account) async throws {
        clock.advance(by: settings.transitionDelay + 1)
        try await settle(account: account)
    }

    // MARK: Resources

    func createVpc(_ cidr: String = "192.168.0.0/16", account: AccountID = Fixture.account, region: String = Fixture.region) async throws -> Vpc {
        try await write(account: account, region: region) { tx, context in
            try NetworkOperations.createVpc(tx, context, cidrBlock: cidr, name: nil, description: nil, resourceGroupId: nil, tags: [])
        }
    }

    func createVSwitch(
        _ vpc: Vpc, _ cidr: String, zone: String = Fixture.zone, account: AccountID = Fixture.account, region: String = Fixture.region
    ) async throws -> VSwitch {
        try await write(account: account, region: region) { tx, context in
            try NetworkOperations.createVSwitch(tx, context, vpcId: vpc.id, zoneId: zone, cidrBlock: cidr, name: nil, description: nil, tags: [])
        }
    }

    func createSecurityGroup(_ vpc: Vpc, account: AccountID = Fixture.account, region: String = Fixture.region) async throws -> SecurityGroup {
        try await write(account: account, region: region) { tx, context in
            try ComputeOperations.createSecurityGroup(tx, context, vpcId: vpc.id, name: nil, description: nil, resourceGroupId: nil)
        }
    }

    func runInstances(
        _ vSwitch: VSwitch, _ group: SecurityGroup, amount: Int = 1, privateIpAddress: String? = nil, status: InstanceStatus = .running,
        account: AccountID = Fixture.account, region: String = Fixture.region
    ) async throws -> [Instance] {
        try await write(account: account, region: region) { tx, context in
            try ComputeOperations.launch(
                tx, context,
                ComputeOperations.LaunchRequest(
                    vSwitchId: vSwitch.id, zoneId: nil, securityGroupIds: [group.id], privateIpAddress: privateIpAddress, amount: amount,
                    name: nil, imageId: "aliyun_3_x64_20G_alibase_20240819.vhd", instanceType: "ecs.g7.large", initialStatus: status))
        }
    }

    func createNetworkInterface(
        _ vSwitch: VSwitch, _ group: SecurityGroup, account: AccountID = Fixture.account, region: String = Fixture.region
    ) async throws -> NetworkInterface {
        try await write(account: account, region: region) { tx, context in
            try ComputeOperations.createNetworkInterface(
                tx, context, vSwitchId: vSwitch.id, securityGroupIds: [group.id], primaryIpAddress: nil, name: nil, description: nil)
        }
    }

    func createHaVip(
        _ vSwitch: VSwitch, ipAddress: String? = nil, name: String? = nil, description: String? = nil, resourceGroupId: String? = nil,
        tags: [(key: String, value: String)] = [], account: AccountID = Fixture.account, region: String = Fixture.region
    ) async throws -> HaVip {
        let request = HaVipOperations.CreateRequest(
            vSwitchId: vSwitch.id, ipAddress: ipAddress, name: name, description: description, resourceGroupId: resourceGroupId, tags: tags)
        return try await write(account: account, region: region) { tx, context in try HaVipOperations.create(tx, context, request) }
    }

    func associate(_ haVipId: String, _ instanceId: String, type: AssociatedInstanceType = .ecsInstance) async throws {
        try await write { tx, context in try HaVipOperations.associate(tx, context, id: haVipId, instanceId: instanceId, instanceType: type) }
    }

    func unassociate(_ haVipId: String, _ instanceId: String, type: AssociatedInstanceType? = nil, force: Bool = false) async throws {
        try await write { tx, context in
            try HaVipOperations.unassociate(tx, context, id: haVipId, instanceId: instanceId, instanceType: type, force: force)
        }
    }

    func deleteHaVip(_ haVipId: String) async throws {
        try await write { tx, context in try HaVipOperations.delete(tx, context, id: haVipId) }
    }

    func stop(_ instanceId: String) async throws {
        try await write { tx, context in try ComputeOperations.stop(tx, context, id: instanceId) }
    }

    func start(_ instanceId: String) async throws {
        try await write { tx, context in try ComputeOperations.start(tx, context, id: instanceId) }
    }

    func allocateEip() async throws -> Eip {
        try await write { tx, context in
            try EipOperations.allocate(
                tx, context, bandwidth: nil, internetChargeType: nil, instanceChargeType: nil, name: nil, description: nil,
                resourceGroupId: nil, tags: [])
        }
    }

    // MARK: Looking

    /// The stored HaVip (whatever its status), or nil once it is gone.
    func haVip(_ id: String, account: AccountID = Fixture.account) async throws -> HaVip? {
        try await read(account: account) { tx, context in try tx.fetch(HaVip.self, id, account: context.account) }
    }

    /// The instances or ENIs associated with a HaVip, in association order.
    func members(_ haVip: HaVip) async throws -> [String] {
        try await read { tx, _ in try HaVipOperations.associations(tx, of: haVip).map(\.instanceId) }
    }

    func describe(
        _ query: HaVipQuery = HaVipQuery(), account: AccountID = Fixture.account, region: String = Fixture.region
    ) async throws -> (total: Int, ids: [String]) {
        let result = try await read(account: account, region: region) { tx, context in try HaVipOperations.describe(tx, context, query) }
        return (result.total, result.items.map(\.haVip.id))
    }

    /// A vSwitch's free runs, as `first-last` in dotted form, lowest first.
    func freeRuns(_ vSwitch: VSwitch) async throws -> [String] {
        try await read { tx, context in
            try tx.select(
                Query(
                    IPFreeRange.self, account: context.account, [.equals(IPFreeRange.column.vSwitchId, vSwitch.id)],
                    order: [.ascending(IPFreeRange.column.first)]))
                .map { "\(IPv4Address($0.first))-\(IPv4Address($0.last))" }
        }
    }

    func usedAddresses(_ vSwitch: VSwitch) async throws -> Int {
        try await read { tx, _ in try IPAllocator.usedCount(tx, vSwitch: vSwitch) }
    }
}

/// A ready network in cn-hangzhou: VPC 192.168.0.0/16, vSwitch 192.168.1.0/24 with running instances
/// (192.168.1.1…) and secondary ENIs, a second vSwitch 192.168.2.0/24 in the same VPC with one running
/// instance and one ENI, and a security group.
struct World: Sendable {
    let h: Harness
    let vpc: Vpc
    let vSwitch: VSwitch
    let otherVSwitch: VSwitch
    let securityGroup: SecurityGroup
    let instances: [Instance]
    let enis: [NetworkInterface]
    let otherInstance: Instance
    let otherEni: NetworkInterface

    static func make(settings: ModelSettings = ModelSettings(transitionDelay: 0), instances: Int = 3, enis: Int = 2) async throws -> World {
        let h = try Harness(settings: settings)
        let vpc = try await h.createVpc("192.168.0.0/16")
        let vSwitch = try await h.createVSwitch(vpc, "192.168.1.0/24")
        let otherVSwitch = try await h.createVSwitch(vpc, "192.168.2.0/24")
        let group = try await h.createSecurityGroup(vpc)
        let running = instances > 0 ? try await h.runInstances(vSwitch, group, amount: instances) : []
        var interfaces: [NetworkInterface] = []
        for _ in 0..<enis { interfaces.append(try await h.createNetworkInterface(vSwitch, group)) }
        let otherInstance = try await h.runInstances(otherVSwitch, group)[0]
        let otherEni = try await h.createNetworkInterface(otherVSwitch, group)
        return World(
            h: h, vpc: vpc, vSwitch: vSwitch, otherVSwitch: otherVSwitch, securityGroup: group, instances: running, enis: interfaces,
            otherInstance: otherInstance, otherEni: otherEni)
    }

    var i: [String] { instances.map(\.id) }

    /// A HaVip in the main vSwitch that has reached `Available` (waiting out the delay if there is one).
    func availableHaVip(ipAddress: String? = nil, tags: [(key: String, value: String)] = []) async throws -> HaVip {
        let haVip = try await h.createHaVip(vSwitch, ipAddress: ipAddress, tags: tags)
        if h.settings.transitionDelay > 0 { try await h.finishTransitions() }
        return try #require(try await h.haVip(haVip.id))
    }

    /// Associates and, with a delay, waits for `InUse`.
    func associateSettled(_ haVipId: String, _ instanceId: String, type: AssociatedInstanceType = .ecsInstance) async throws {
        try await h.associate(haVipId, instanceId, type: type)
        if h.settings.transitionDelay > 0 { try await h.finishTransitions() }
    }

    func master(_ haVipId: String) async throws -> String? {
        try await h.haVip(haVipId)?.masterInstanceId
    }

    func status(_ haVipId: String) async throws -> HaVipStatus? {
        try await h.haVip(haVipId)?.status
    }
}
