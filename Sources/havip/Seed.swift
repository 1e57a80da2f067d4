import ArgumentParser
import Foundation
import HaVipModel
import Logging
import ServiceLifecycle

/// `havip seed`: fills a store with a big fleet for benchmarks and soak tests, fast, with a progress line.
struct Seed: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fill a store with VPCs, vSwitches and Available HaVips in bulk (for benchmarks).",
        discussion: """
            Each VPC (10.N.0.0/16) gets one /17 vSwitch and --havips-per-vpc HaVips (at most 32,764). \
            The fleet belongs to --account; serve it with a key of that account, e.g. --access-key bench:benchsecret:ACCOUNT.
            """)

    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "The account that owns the fleet.")
    var account = "bench"

    @Option(help: "The region of the fleet.")
    var region = "cn-hangzhou"

    @Option(help: "How many HaVips to add.")
    var havips = 10_000

    @Option(help: "HaVips per VPC (one vSwitch each).")
    var havipsPerVpc = 10_000

    @Option(help: "HaVips per transaction.")
    var batch = 5_000

    func validate() throws {
        guard storeOptions.store != .memory else { throw ValidationError("--store memory would be gone when seed exits: seed a file or a database") }
        guard havipsPerVpc > 0, havipsPerVpc <= 32_764, havips >= 0, batch > 0 else {
            throw ValidationError("--havips-per-vpc must be 1 to 32764, --havips 0 or more, --batch positive")
        }
        guard Region.find(region)?.zones.first != nil else { throw ValidationError("unknown region \(region)") }
    }

    func run() async throws {
        guard let zone = Region.find(region)?.zones.first else { throw ValidationError("unknown region \(region)") }
        var logger = Logger(label: "havip-seed")
        logger.logLevel = .warning
        let opened = try storeOptions.open(logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for service in opened.services { group.addTask { try await service.run() } }
            try await opened.prepare()
            try await fill(opened.store, zone: zone.id)
            try await opened.store.close()
            group.cancelAll()
        }
    }

    private func fill(_ store: any HaVipStore, zone: String) async throws {
        let ids = RandomIDGenerator()
        let owner = AccountID(account)
        let started = Date()
        var done = 0
        var vpcIndex = 0
        while done < havips {
            let context = OperationContext(
                account: owner, regionId: region, now: Date().timeIntervalSince1970, ids: ids, settings: ModelSettings())
            let cidr = "10.\(vpcIndex % 256).0.0/16"
            let name = "seed-\(vpcIndex)"
            let vSwitch = try await store.write { tx in
                let vpc = try NetworkOperations.createVpc(
                    tx, context, cidrBlock: cidr, name: name, description: nil, resourceGroupId: nil, tags: [])
                return try NetworkOperations.createVSwitch(
                    tx, context, vpcId: vpc.id, zoneId: zone, cidrBlock: cidr.replacingOccurrences(of: "/16", with: "/17"),
                    name: name, description: nil, tags: [])
            }
            var inVpc = 0
            while inVpc < havipsPerVpc, done < havips {
                let size = min(batch, havipsPerVpc - inVpc, havips - done)
                let batchContext = OperationContext(
                    account: owner, regionId: region, now: Date().timeIntervalSince1970, ids: ids, settings: ModelSettings())
                let added = try await store.write { tx in try SeedOperations.fill(tx, batchContext, vSwitch: vSwitch, count: size) }
                inVpc += added
                done += added
                let rate = Double(done) / max(Date().timeIntervalSince(started), 0.001)
                FileHandle.standardError.write(Data("\rseeded \(done)/\(havips) HaVips in \(vpcIndex + 1) VPCs (\(Int(rate))/s)   ".utf8))
            }
            vpcIndex += 1
        }
        FileHandle.standardError.write(Data("\n".utf8))
        announce("seeded \(done) HaVips in \(vpcIndex) VPCs for account \(account) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}
