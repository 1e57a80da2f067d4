import HaVipModel
import Hummingbird

/// `GET /_havip/overview` and `GET /_havip/state?account=&region=&vSwitchId=&page=&pageSize=`: what the
/// console shows, read through the model's Describe operations (``OverviewOperations``).
extension ControlRoutes {
    /// The HaVips of one state answer when the request names no `pageSize`, and the most it may name.
    static let defaultStatePageSize = 20
    static let maxStatePageSize = 100

    func addOverview(to group: RouterGroup<HaVipRequestContext>) {
        group.get("overview") { _, _ in try await overview() }
        group.get("state") { request, _ in try await state(request) }
    }

    /// `{"accounts": [...], "regions": [{"regionId", "name"}], "haVipsByStatus": {STATUS: N}}`: the configured
    /// keys' accounts and every account that owns a VPC; the regions havip knows.
    private func overview() async throws -> Response {
        let (owners, counts) = try await store.read { tx in
            (try OverviewOperations.accountsWithVpcs(tx), try OverviewOperations.haVipsByStatus(tx))
        }
        let accounts = Set(keys.accounts.map(\.rawValue) + owners.map(\.rawValue)).sorted()
        return try Self.json(
            .ok,
            OverviewAnswer(
                accounts: accounts, regions: Region.builtIn.map { RegionAnswer(regionId: $0.id, name: $0.englishName) },
                haVipsByStatus: Dictionary(uniqueKeysWithValues: counts.map { ($0.key.rawValue, $0.value) })))
    }

    /// One account's region: VPCs with their vSwitches, the instances, and a page of the HaVips (of
    /// `vSwitchId` when given). Transitions that are due finish first, as for a Describe call.
    private func state(_ request: Request) async throws -> Response {
        let query = try Self.query(request, known: ["account", "region", "vSwitchId", "page", "pageSize"])
        guard let account = query["account"].map(AccountID.init) else { throw APIError.controlInvalidBody("account: required") }
        guard let regionId = query["region"] else { throw APIError.controlInvalidBody("region: required") }
        guard let region = Region.find(regionId) else { throw APIError.controlInvalidBody("region: \(regionId) is not a region havip knows") }
        let number = try Self.wholeNumber(query["page"], "page", in: 1...1_000_000) ?? 1
        let size = try Self.wholeNumber(query["pageSize"], "pageSize", in: 1...Self.maxStatePageSize) ?? Self.defaultStatePageSize
        let context = OperationContext(account: account, regionId: region.id, now: clock.now(), ids: ids, settings: settings)
        let vSwitchId = query["vSwitchId"]
        let read: @Sendable (any StoreTransaction) throws -> RegionOverview = { tx in
            try OverviewOperations.region(tx, context, vSwitchId: vSwitchId, haVips: PageRequest(number: number, size: size))
        }
        let overview: RegionOverview
        if try await store.read({ tx in try HaVipTransitions.anyDue(tx, account: account, now: context.now) }) {
            overview = try await store.write { tx in
                try HaVipTransitions.settle(tx, account: account, now: context.now)
                return try read(tx)
            }
        } else {
            overview = try await store.read(read)
        }
        return try Self.json(.ok, StateAnswer(account: account.rawValue, region: region.id, overview, page: number, pageSize: size))
    }

    /// The query's parameters, empty values left out; a name not in `known` is refused (a misspelt filter
    /// would otherwise be ignored).
    static func query(_ request: Request, known: Set<String>) throws -> [String: String] {
        var values: [String: String] = [:]
        for (name, value) in request.uri.queryParameters {
            let name = String(name)
            guard known.contains(name) else {
                throw APIError.controlInvalidBody("\(name): not a parameter of this request (it takes \(known.sorted().joined(separator: ", ")))")
            }
            if !value.isEmpty { values[name] = String(value) }
        }
        return values
    }

    static func wholeNumber(_ text: String?, _ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw APIError.controlInvalidBody("\(name): a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return value
    }
}

struct OverviewAnswer: Encodable {
    let accounts: [String]
    let regions: [RegionAnswer]
    let haVipsByStatus: [String: Int]
}

struct RegionAnswer: Encodable {
    let regionId: String
    let name: String
}

/// `{"account", "region", "vpcs": {"total", "items": [{…, "vSwitches": [...]}]}, "instances": {"total", "items"},
/// "haVips": {"total", "page", "pageSize", "items"}}`.
struct StateAnswer: Encodable {
    let account: String
    let region: String
    let vpcs: Listing<VpcAnswer>
    let instances: Listing<InstanceAnswer>
    let haVips: HaVipPage

    struct Listing<Item: Encodable>: Encodable {
        let total: Int
        let items: [Item]
    }

    struct HaVipPage: Encodable {
        let total: Int
        let page: Int
        let pageSize: Int
        let items: [HaVipAnswer]
    }

    struct VpcAnswer: Encodable {
        let vpcId: String
        let name: String
        let cidrBlock: String
        let status: String
        let vSwitches: [VSwitchAnswer]
    }

    struct VSwitchAnswer: Encodable {
        let vSwitchId: String
        let name: String
        let cidrBlock: String
        let zoneId: String
        let status: String
        let availableIpAddressCount: Int
    }

    struct InstanceAnswer: Encodable {
        let instanceId: String
        let name: String
        let status: String
        let vSwitchId: String
        let privateIpAddress: String
        let eipAddress: String?
    }

    struct HaVipAnswer: Encodable {
        let haVipId: String
        let name: String
        let ipAddress: String
        let status: String
        let vpcId: String
        let vSwitchId: String
        let masterInstanceId: String?
        let associatedInstanceType: String?
        let associatedInstances: [String]
        let eipAddresses: [String]
        let tags: [TagAnswer]
    }

    struct TagAnswer: Encodable {
        let key: String
        let value: String
    }

    init(account: String, region: String, _ overview: RegionOverview, page: Int, pageSize: Int) {
        self.account = account
        self.region = region
        var byVpc: [String: [VSwitchAnswer]] = [:]
        for view in overview.vSwitches.items {
            let vSwitch = view.vSwitch
            byVpc[vSwitch.vpcId, default: []].append(
                VSwitchAnswer(
                    vSwitchId: vSwitch.id, name: vSwitch.name, cidrBlock: vSwitch.cidrBlock, zoneId: vSwitch.zoneId,
                    status: vSwitch.status.rawValue, availableIpAddressCount: view.availableAddressCount))
        }
        vpcs = Listing(
            total: overview.vpcs.total,
            items: overview.vpcs.items.map { view in
                VpcAnswer(
                    vpcId: view.vpc.id, name: view.vpc.name, cidrBlock: view.vpc.cidrBlock, status: view.vpc.status.rawValue,
                    vSwitches: byVpc[view.vpc.id] ?? [])
            })
        instances = Listing(
            total: overview.instances.total,
            items: overview.instances.items.map { view in
                InstanceAnswer(
                    instanceId: view.instance.id, name: view.instance.name, status: view.instance.status.rawValue,
                    vSwitchId: view.instance.vSwitchId, privateIpAddress: view.instance.privateIpAddress, eipAddress: view.eip?.ipAddress)
            })
        haVips = HaVipPage(
            total: overview.haVips.total, page: page, pageSize: pageSize,
            items: overview.haVips.items.map { view in
                HaVipAnswer(
                    haVipId: view.haVip.id, name: view.haVip.name, ipAddress: view.haVip.ipAddress, status: view.haVip.status.rawValue,
                    vpcId: view.haVip.vpcId, vSwitchId: view.haVip.vSwitchId, masterInstanceId: view.haVip.masterInstanceId,
                    associatedInstanceType: view.haVip.associatedInstanceType?.rawValue, associatedInstances: view.associatedInstanceIds,
                    eipAddresses: view.eipAddresses, tags: view.tags.map { TagAnswer(key: $0.key, value: $0.value) })
            })
    }
}
