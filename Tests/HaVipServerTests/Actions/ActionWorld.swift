import Foundation
@testable import HaVipAPI
import HaVipModel
import HaVipServer
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import RPCWire
import Testing

/// The world every action case starts from, built through the API on a fresh in-memory server: a VPC
/// (192.168.0.0/16) with one vSwitch (192.168.1.0/24 in cn-hangzhou-h) and one security group, two running
/// instances in it, a secondary ENI (Available), an EIP (Available) and a HaVip (Available, nothing
/// associated). Cases add what they need through `call`/`ok`.
struct ActionWorld: Sendable {
    static let region = "cn-hangzhou"
    static let zone = "cn-hangzhou-h"
    static let image = "aliyun_3_x64_20G_alibase_20240819.vhd"
    static let instanceType = "ecs.g7.large"
    /// A resource group ID of the right shape that nothing is in yet.
    static let resourceGroup = "rg-acfmtest"

    let server: TestServer
    let client: any TestClientProtocol

    private(set) var vpcId = ""
    private(set) var vSwitchId = ""
    private(set) var groupId = ""
    /// Two running instances in the vSwitch, in the security group.
    private(set) var instanceId = ""
    private(set) var otherInstanceId = ""
    /// An Available secondary ENI in the vSwitch.
    private(set) var eniId = ""
    private(set) var allocationId = ""
    private(set) var eipAddress = ""
    private(set) var haVipId = ""
    private(set) var haVipAddress = ""

    /// Builds the world; every step must succeed.
    static func build(_ server: TestServer, _ client: any TestClientProtocol) async throws -> ActionWorld {
        var world = ActionWorld(server: server, client: client)
        try await world.makeResourceGroup(resourceGroup)
        world.vpcId = try await world.created(CreateVpc.self, ["CidrBlock": "192.168.0.0/16", "VpcName": "world"], "VpcId")
        world.vSwitchId = try await world.newVSwitch(cidr: "192.168.1.0/24")
        world.groupId = try await world.newSecurityGroup()
        let launched = try await world.ok(
            RunInstances.self,
            [
                "VSwitchId": world.vSwitchId, "SecurityGroupId": world.groupId, "ImageId": image, "InstanceType": instanceType,
                "Amount": "2",
            ])
        let instances = launched.strings("InstanceIdSets")
        try #require(instances.count == 2)
        (world.instanceId, world.otherInstanceId) = (instances[0], instances[1])
        world.eniId = try await world.newNetworkInterface()
        let eip = try await world.ok(AllocateEipAddress.self, [:])
        (world.allocationId, world.eipAddress) = (try #require(eip["AllocationId"]?.string), try #require(eip["EipAddress"]?.string))
        let haVip = try await world.ok(CreateHaVip.self, ["VSwitchId": world.vSwitchId])
        (world.haVipId, world.haVipAddress) = (try #require(haVip["HaVipId"]?.string), try #require(haVip["IpAddress"]?.string))
        world.settle()
        return world
    }

    // MARK: Calls

    /// Makes a resource group of the test account through the control API's world document (the one way to make one).
    func makeResourceGroup(_ id: String) async throws {
        var headers = HTTPFields()
        headers[.authorization] = "Bearer \(AdminToken.development)"
        headers[.contentType] = "application/json"
        let body = #"{"account": "\#(TestServer.key.account.rawValue)", "region": "\#(Self.region)", "resourceGroups": [{"name": "test", "id": "\#(id)"}]}"#
        let response = try await client.executeRequest(
            uri: "/_havip/world", method: .post, headers: headers, body: ByteBuffer(string: body))
        try #require(response.status == .created, "\(String(buffer: response.body))")
    }

    /// Sends one signed V1 GET request for `action` (its own version) and answers what came back.
    func call(_ action: any RPCAction.Type, _ request: ActionRequest) async throws -> ActionAnswer {
        let query = server.v1Query(
            action.name, request.pairs, version: action.product.version, key: request.key, timestamp: request.timestamp, nonce: request.nonce)
        return try ActionAnswer(try await client.executeRequest(uri: "/?" + query, method: .get, headers: [:], body: nil))
    }

    /// A call that must succeed: its JSON answer, or a recorded failure.
    @discardableResult
    func ok(_ action: any RPCAction.Type, _ request: ActionRequest, sourceLocation: SourceLocation = #_sourceLocation) async throws -> JSONValue {
        let answer = try await call(action, request)
        try #require(answer.status == 200, "\(action.name): \(answer.text)", sourceLocation: sourceLocation)
        return answer.body
    }

    /// A call that must succeed, and the string field `field` of its answer (a new resource's ID).
    func created(
        _ action: any RPCAction.Type, _ request: ActionRequest, _ field: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> String {
        try #require(try await ok(action, request, sourceLocation: sourceLocation)[field]?.string, sourceLocation: sourceLocation)
    }

    /// Lets every HaVip transition in progress finish (the server's transition delay is 0.2 s of its clock).
    func settle() { server.clock.advance(by: 1) }

    // MARK: Building more

    func newVpc(cidr: String = "10.0.0.0/8") async throws -> String {
        try await created(CreateVpc.self, ["CidrBlock": cidr], "VpcId")
    }

    func newVSwitch(vpcId: String? = nil, cidr: String) async throws -> String {
        try await created(CreateVSwitch.self, ["VpcId": vpcId ?? self.vpcId, "ZoneId": Self.zone, "CidrBlock": cidr], "VSwitchId")
    }

    func newSecurityGroup(vpcId: String? = nil) async throws -> String {
        try await created(CreateSecurityGroup.self, ["VpcId": vpcId ?? self.vpcId], "SecurityGroupId")
    }

    func newNetworkInterface() async throws -> String {
        try await created(CreateNetworkInterface.self, ["VSwitchId": vSwitchId, "SecurityGroupId": groupId], "NetworkInterfaceId")
    }

    /// A running instance of its own in another VPC (10.0.0.0/8, vSwitch 10.1.0.0/24): its VPC, vSwitch, group and ID.
    func elsewhere() async throws -> (vpcId: String, vSwitchId: String, groupId: String, instanceId: String) {
        let vpcId = try await newVpc()
        let vSwitchId = try await newVSwitch(vpcId: vpcId, cidr: "10.1.0.0/24")
        let groupId = try await newSecurityGroup(vpcId: vpcId)
        let launched = try await ok(
            RunInstances.self, ["VSwitchId": vSwitchId, "SecurityGroupId": groupId, "ImageId": Self.image, "InstanceType": Self.instanceType])
        return (vpcId, vSwitchId, groupId, try #require(launched.strings("InstanceIdSets").first))
    }

    /// Associates the world's HaVip with instances, one after the other (the first is the master), each
    /// association settled (`InUse`) before the next.
    func associateHaVip(_ instanceIds: [String]) async throws {
        for id in instanceIds {
            try await ok(AssociateHaVip.self, ["HaVipId": haVipId, "InstanceId": id])
            settle()
        }
    }

    /// Binds the world's EIP to the world's HaVip.
    func bindEipToHaVip() async throws {
        try await ok(AssociateEipAddress.self, ["AllocationId": allocationId, "InstanceId": haVipId, "InstanceType": "HaVip"])
    }

    // MARK: Reading

    /// The one item a Describe answers for a filter, or a recorded failure.
    func described(
        _ action: any RPCAction.Type, _ request: ActionRequest, _ collection: String, sourceLocation: SourceLocation = #_sourceLocation
    ) async throws -> JSONValue {
        let items = try await ok(action, request, sourceLocation: sourceLocation).items(collection)
        try #require(items.count == 1, "\(action.name) found \(items.count)", sourceLocation: sourceLocation)
        return items[0]
    }

    func haVip(_ id: String? = nil) async throws -> JSONValue {
        try await described(DescribeHaVips.self, ["Filter.1.Key": "HaVipId", "Filter.1.Value.1": id ?? haVipId], "HaVips")
    }

    func eip(_ id: String? = nil) async throws -> JSONValue {
        try await described(DescribeEipAddresses.self, ["AllocationId": id ?? allocationId], "EipAddresses")
    }

    func instance(_ id: String? = nil) async throws -> JSONValue {
        try await described(DescribeInstances.self, ["InstanceIds": "[\"\(id ?? instanceId)\"]"], "Instances")
    }

    func networkInterface(_ id: String? = nil) async throws -> JSONValue {
        try await described(DescribeNetworkInterfaces.self, ["NetworkInterfaceId.1": id ?? eniId], "NetworkInterfaceSets")
    }

    func securityGroupRules(_ id: String? = nil) async throws -> [JSONValue] {
        try await ok(DescribeSecurityGroupAttribute.self, ["SecurityGroupId": id ?? groupId]).items("Permissions")
    }

    /// How many items a Describe finds for a filter.
    func count(_ action: any RPCAction.Type, _ request: ActionRequest) async throws -> Int64? {
        try await ok(action, request)["TotalCount"]?.integer
    }

    /// Everything the world's Describes show, `RequestId`s aside: equal before and after a request that
    /// must change nothing.
    func everything() async throws -> [JSONValue] {
        let reads: [(any RPCAction.Type, ActionRequest)] = [
            (DescribeVpcs.self, ["PageSize": "50"]), (DescribeVSwitches.self, ["PageSize": "50"]), (DescribeHaVips.self, ["PageSize": "50"]),
            (DescribeEipAddresses.self, ["PageSize": "100"]), (DescribeSecurityGroups.self, ["PageSize": "50"]),
            (DescribeInstances.self, ["PageSize": "100"]), (DescribeNetworkInterfaces.self, ["PageSize": "100"]),
            (DescribeDisks.self, ["PageSize": "100"]), (DescribeSecurityGroupAttribute.self, ["SecurityGroupId": groupId]),
        ]
        var answers: [JSONValue] = []
        for (action, request) in reads { answers.append(try await ok(action, request).removing("RequestId")) }
        return answers
    }
}
