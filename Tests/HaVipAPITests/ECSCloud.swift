import Foundation
import HaVipAPI
import HaVipModel
import HaVipSQLite
import RPCWire
import Testing

/// The action table on an in-memory store with a manual clock and sequential IDs: actions run in process
/// by name and version, as the server runs them, and answer their response tree (or throw the catalogue's
/// error).
struct ECSCloud {
    static let account = AccountID("1111111111111111")
    static let region = "cn-hangzhou"
    static let zone = "cn-hangzhou-h"
    static let image = "aliyun_3_x64_20G_alibase_20240819.vhd"
    static let instanceType = "ecs.g7.large"
    /// The `RequestId` whole answers are rendered with.
    static let requestId = "473469C7-AA6F-4DC5-B3DB-A3DC0DE3C83E"

    let services: ActionServices
    let clock = ManualClock()
    var account = ECSCloud.account

    init() throws {
        services = ActionServices(
            store: try SQLiteStore.inMemory(), clock: clock, ids: SequentialIDGenerator(), settings: ModelSettings(transitionDelay: 0))
    }

    /// Makes a resource group of the account with this ID unless it has one (as a world document's
    /// `resourceGroups` would).
    func makeResourceGroup(_ id: String) async throws {
        let context = OperationContext(
            account: account, regionId: Self.region, now: clock.now(), ids: services.ids, settings: services.settings)
        try await services.store.write { tx in
            if try tx.fetch(ResourceGroup.self, id, account: context.account) == nil {
                _ = try ResourceGroupOperations.create(tx, context, id: id, name: id)
            }
        }
    }

    /// Runs an action; `RegionId` is cn-hangzhou unless the parameters name one (or `nil` to send none).
    @discardableResult
    func call(
        _ action: String, _ parameters: [String: String?] = [:], product: Product = .ecs, region: String? = ECSCloud.region
    ) async throws -> [ResponseNode.Field] {
        var pairs: [(name: String, value: String)] = []
        if let region, parameters["RegionId"] == nil { pairs.append(("RegionId", region)) }
        for (name, value) in parameters.sorted(by: { $0.key < $1.key }) { if let value { pairs.append((name, value)) } }
        let type = try ActionTable.standard.action(named: action, version: product.version)
        let call = ActionCall(
            action: action, parameters: Parameters(pairs), caller: AccessKey(id: "testid", secret: "testsecret", account: account),
            services: services)
        return try await type.run(call).fields
    }

    /// Runs an action that must fail with exactly `error`.
    func fails(
        _ error: APIError, _ action: String, _ parameters: [String: String?] = [:], product: Product = .ecs, region: String? = ECSCloud.region,
        sourceLocation: SourceLocation = #_sourceLocation
    ) async {
        await #expect(throws: error, sourceLocation: sourceLocation) { try await call(action, parameters, product: product, region: region) }
    }

    // MARK: Building

    /// A VPC with one vSwitch (192.168.1.0/24 in cn-hangzhou-h) and a security group in it.
    func network() async throws -> (vpcId: String, vSwitchId: String, groupId: String) {
        let vpcId = try await call("CreateVpc", ["CidrBlock": "192.168.0.0/16"], product: .vpc).string("VpcId")
        let vSwitchId = try await call("CreateVSwitch", ["VpcId": vpcId, "ZoneId": Self.zone, "CidrBlock": "192.168.1.0/24"], product: .vpc)
            .string("VSwitchId")
        let groupId = try await call("CreateSecurityGroup", ["VpcId": vpcId]).string("SecurityGroupId")
        return (vpcId, vSwitchId, groupId)
    }

    /// RunInstances with the catalogue's first image and type, and any other parameters.
    func runInstance(
        vSwitchId: String, groupId: String, _ extra: [String: String?] = [:]
    ) async throws -> String {
        let parameters: [String: String?] = [
            "VSwitchId": vSwitchId, "SecurityGroupId": groupId, "ImageId": Self.image, "InstanceType": Self.instanceType,
        ]
        let fields = try await call("RunInstances", parameters.merging(extra) { _, new in new })
        return try #require(fields.node("InstanceIdSets")?.strings.first)
    }
}

extension [ResponseNode.Field] {
    /// The value of a top-level field.
    func node(_ name: String) -> ResponseNode? { first { $0.name == name }?.value }

    /// A string field, or a test failure.
    func string(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        guard case .string(let value)? = node(name) else {
            Issue.record("\(name) is not a string field of \(map(\.name))", sourceLocation: sourceLocation)
            throw ECSCloudFailure.missing(name)
        }
        return value
    }

    var names: [String] { map(\.name) }

    /// The whole top level the server renders, with `RequestId` (ECSCloud's fixed one) where `product`'s
    /// service puts it.
    func withRequestId(_ product: Product = .ecs) -> [ResponseNode.Field] {
        RPCResponse(self).withRequestId(ECSCloud.requestId, product: product)
    }

    /// The JSON text the server would render (its `RequestId` aside), parsed.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(JSONRenderer.render(self)))) as? [String: Any] ?? [:]
    }
}

enum ECSCloudFailure: Error {
    case missing(String)
}

extension ResponseNode {
    /// The items of a wrapped list.
    var items: [ResponseNode] {
        if case .list(_, let items) = self { return items }
        return []
    }

    /// The strings of a wrapped list of strings.
    var strings: [String] {
        items.compactMap { if case .string(let value) = $0 { value } else { nil } }
    }

    /// An object's fields.
    var fields: [Field] {
        if case .object(let fields) = self { return fields }
        return []
    }

    /// A field of an object.
    subscript(name: String) -> ResponseNode? { fields.node(name) }

    /// An object's string field.
    var text: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
