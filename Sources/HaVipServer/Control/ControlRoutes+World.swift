import HaVipModel
import Hummingbird

/// `POST /_havip/world`: a world document (issue 11's shape) made in one transaction; answers the IDs by kind
/// and name.
extension ControlRoutes {
    func addWorld(to group: RouterGroup<HaVipRequestContext>) {
        group.post("world") { request, _ in try await applyWorld(request) }
    }

    private func applyWorld(_ request: Request) async throws -> Response {
        let document = try Self.worldDocument(try await ControlBody.read(request), defaultAccount: keys.defaultAccount)
        let (now, ids, settings) = (clock.now(), ids, settings)
        let made = try await store.write { tx in try WorldOperations.apply(tx, document, now: now, ids: ids, settings: settings) }
        return try Self.json(.created, WorldAnswer(made))
    }

    /// The document, every field checked for its type (the model checks the values, as the API would).
    static func worldDocument(_ body: ControlBody, defaultAccount: AccountID) throws -> WorldDocument {
        let body = try body.only(["account", "region", "resourceGroups", "vpcs"])
        let account = try body.string("account").map(AccountID.init) ?? defaultAccount
        guard !account.rawValue.isEmpty else { throw APIError.controlInvalidBody("account: an account, not empty") }
        return WorldDocument(
            account: account, region: try body.string("region") ?? "cn-hangzhou",
            resourceGroups: try body.objects("resourceGroups").map { group in
                let group = try group.only(["name", "id"])
                return WorldDocument.Group(name: try group.requiredString("name"), id: try group.string("id"))
            },
            vpcs: try body.objects("vpcs").map { vpc in
                let vpc = try vpc.only(["name", "cidr", "description", "vswitches"])
                return WorldDocument.VPC(
                    name: try vpc.requiredString("name"), cidr: try vpc.requiredString("cidr"), description: try vpc.string("description"),
                    vswitches: try vpc.objects("vswitches").map(vSwitch))
            })
    }

    private static func vSwitch(_ body: ControlBody) throws -> WorldDocument.VSwitch {
        let body = try body.only(["name", "zone", "cidr", "description", "instances", "havips"])
        return WorldDocument.VSwitch(
            name: try body.requiredString("name"), zone: try body.requiredString("zone"), cidr: try body.requiredString("cidr"),
            description: try body.string("description"), instances: try body.objects("instances").map(instance),
            havips: try body.objects("havips").map(haVip))
    }

    private static func instance(_ body: ControlBody) throws -> WorldDocument.Instance {
        let body = try body.only(["name", "privateIpAddress", "status", "imageId", "instanceType"])
        let status: InstanceStatus
        switch try body.string("status") {
        case nil, "Running"?: status = .running
        case "Stopped"?: status = .stopped
        default: throw APIError.controlInvalidBody("\(body.name("status")): Running or Stopped")
        }
        return WorldDocument.Instance(
            name: try body.requiredString("name"), privateIpAddress: try body.string("privateIpAddress"), status: status,
            imageId: try body.string("imageId") ?? WorldDocument.Instance.defaultImageId,
            instanceType: try body.string("instanceType") ?? WorldDocument.Instance.defaultInstanceType)
    }

    private static func haVip(_ body: ControlBody) throws -> WorldDocument.HaVip {
        let body = try body.only(["name", "ipAddress", "description", "associate", "eip"])
        return WorldDocument.HaVip(
            name: try body.requiredString("name"), ipAddress: try body.string("ipAddress"), description: try body.string("description"),
            associate: try body.strings("associate"), eip: try body.bool("eip") ?? false)
    }
}

/// `{"resourceGroups": {NAME: ID}, "vpcs": {NAME: ID}, "securityGroups": {…}, "vswitches": {…}, "instances": {…}, "havips": {…}, "eips": {…}}`:
/// every one of these kinds, empty when the document made none, and any other kind the model makes.
struct WorldAnswer: Encodable {
    let made: WorldIDs

    init(_ made: WorldIDs) {
        self.made = made
    }

    private struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var kinds = encoder.container(keyedBy: Key.self)
        let standard = ["resourceGroups", "vpcs", "securityGroups", "vswitches", "instances", "havips", "eips"]
        for kind in Set(standard + made.kinds.map(\.kind)) {
            var names = kinds.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: kind))
            for (name, id) in made.kinds.first(where: { $0.kind == kind })?.ids ?? [] { try names.encode(id, forKey: Key(stringValue: name)) }
        }
    }
}
