import Foundation
import HaVipModel
import RPCWire
import Testing

/// Every answer shape, byte for byte: each Describe (VPC and ECS), the Create answers that carry IDs and
/// GetCallerIdentity, rendered as JSON and as XML from one deterministic scene (in-memory store, manual
/// clock, sequential IDs, a fixed `RequestId`) and compared with `Tests/Goldens/<Product>-<Action>.json`
/// and `.xml`; every object of every golden is checked against the real key order (``WireOrder``).
///
/// A deliberate change to an answer: run with `HAVIP_UPDATE_GOLDENS=1` to rewrite the files, and review
/// the diff.
@Suite struct GoldenAnswerTests {
    struct Shape: Sendable, CustomTestStringConvertible {
        let product: Product
        let action: String
        let parameters: @Sendable (Scene) -> [String: String?]

        var testDescription: String { "\(product.rawValue) \(action)" }
        var file: String { "\(product.rawValue)-\(action)" }
    }

    /// What the scene made, for the shapes' parameters.
    struct Scene: Sendable {
        var vpcId = "", vSwitchId = "", groupId = "", instanceId = "", eniId = "", haVipId = "", eipId = "", diskId = ""
    }

    static let shapes: [Shape] = [
        // VPC.
        Shape(product: .vpc, action: "DescribeHaVips") { _ in [:] },
        Shape(product: .vpc, action: "DescribeVpcs") { _ in [:] },
        Shape(product: .vpc, action: "DescribeVSwitches") { _ in [:] },
        Shape(product: .vpc, action: "DescribeEipAddresses") { _ in [:] },
        Shape(product: .vpc, action: "DescribeRegions") { _ in ["AcceptLanguage": "en-US"] },
        Shape(product: .vpc, action: "DescribeZones") { _ in ["AcceptLanguage": "en-US"] },
        Shape(product: .vpc, action: "ListTagResources") { scene in ["ResourceType": "VPC", "ResourceId.1": scene.vpcId] },
        Shape(product: .vpc, action: "CreateVpc") { _ in ["CidrBlock": "10.0.0.0/8"] },
        Shape(product: .vpc, action: "CreateVSwitch") { scene in ["VpcId": scene.vpcId, "ZoneId": ECSCloud.zone, "CidrBlock": "192.168.2.0/24"] },
        Shape(product: .vpc, action: "CreateHaVip") { scene in ["VSwitchId": scene.vSwitchId] },
        Shape(product: .vpc, action: "AllocateEipAddress") { _ in [:] },
        Shape(product: .vpc, action: "ModifyHaVipAttribute") { scene in ["HaVipId": scene.haVipId, "Name": "renamed"] },
        // STS.
        Shape(product: .sts, action: "GetCallerIdentity") { _ in ["RegionId": nil] },
        // ECS.
        Shape(product: .ecs, action: "DescribeInstances") { _ in [:] },
        Shape(product: .ecs, action: "DescribeInstanceAttribute") { scene in ["InstanceId": scene.instanceId] },
        Shape(product: .ecs, action: "DescribeSecurityGroups") { _ in [:] },
        Shape(product: .ecs, action: "DescribeSecurityGroupAttribute") { scene in ["SecurityGroupId": scene.groupId] },
        Shape(product: .ecs, action: "DescribeNetworkInterfaces") { _ in [:] },
        Shape(product: .ecs, action: "DescribeDisks") { scene in ["DiskIds": "[\"\(scene.diskId)\"]"] },
        Shape(product: .ecs, action: "DescribeUserData") { scene in ["InstanceId": scene.instanceId] },
        Shape(product: .ecs, action: "DescribeInstanceMaintenanceAttributes") { scene in ["InstanceId.1": scene.instanceId] },
        Shape(product: .ecs, action: "DescribeInstanceAttachmentAttributes") { scene in ["InstanceIds": "[\"\(scene.instanceId)\"]"] },
        Shape(product: .ecs, action: "DescribeInstanceRamRole") { scene in ["InstanceIds": "[\"\(scene.instanceId)\"]"] },
        Shape(product: .ecs, action: "DescribeImages") { _ in ["ImageId": ECSCloud.image] },
        Shape(product: .ecs, action: "DescribeInstanceTypes") { _ in ["InstanceTypes.1": ECSCloud.instanceType] },
        Shape(product: .ecs, action: "DescribeImageSupportInstanceTypes") { _ in ["ImageId": ECSCloud.image] },
        Shape(product: .ecs, action: "DescribeAvailableResource") { _ in ["DestinationResource": "InstanceType", "ZoneId": ECSCloud.zone] },
        Shape(product: .ecs, action: "DescribeRegions") { _ in ["AcceptLanguage": "en-US"] },
        Shape(product: .ecs, action: "DescribeZones") { _ in ["AcceptLanguage": "en-US"] },
        Shape(product: .ecs, action: "ListTagResources") { scene in ["ResourceType": "instance", "ResourceId.1": scene.instanceId] },
        Shape(product: .ecs, action: "CreateSecurityGroup") { scene in ["VpcId": scene.vpcId] },
        Shape(product: .ecs, action: "CreateNetworkInterface") { scene in ["VSwitchId": scene.vSwitchId, "SecurityGroupId": scene.groupId] },
    ]

    /// One of everything, each with what its answers can show: a tagged VPC, a HaVip on a running instance
    /// with an EIP, a second instance with its own EIP and key pair, an ENI, a security-group rule.
    static func scene() async throws -> (ECSCloud, Scene) {
        let cloud = try ECSCloud()
        var scene = Scene()
        (scene.vpcId, scene.vSwitchId, scene.groupId) = try await cloud.network()
        try await cloud.call(
            "TagResources", ["ResourceType": "VPC", "ResourceId.1": scene.vpcId, "Tag.1.Key": "env", "Tag.1.Value": "test"], product: .vpc)
        scene.instanceId = try await cloud.runInstance(
            vSwitchId: scene.vSwitchId, groupId: scene.groupId,
            ["HostName": "web-01", "KeyPairName": "kp", "UserData": "ZWNobyBoaQ==", "Tag.1.Key": "role", "Tag.1.Value": "web"])
        let second = try await cloud.runInstance(vSwitchId: scene.vSwitchId, groupId: scene.groupId)
        scene.haVipId = try await cloud.call("CreateHaVip", ["VSwitchId": scene.vSwitchId, "Name": "vip", "Description": "a HaVip"], product: .vpc)
            .string("HaVipId")
        try await cloud.call("AssociateHaVip", ["HaVipId": scene.haVipId, "InstanceId": second], product: .vpc)
        let haVipEip = try await cloud.call("AllocateEipAddress", ["Name": "for-vip"], product: .vpc).string("AllocationId")
        try await cloud.call("AssociateEipAddress", ["AllocationId": haVipEip, "InstanceId": scene.haVipId, "InstanceType": "HaVip"], product: .vpc)
        scene.eipId = try await cloud.call("AllocateEipAddress", product: .vpc).string("AllocationId")
        try await cloud.call("AssociateEipAddress", ["AllocationId": scene.eipId, "InstanceId": scene.instanceId], product: .vpc)
        scene.eniId = try await cloud.call("CreateNetworkInterface", ["VSwitchId": scene.vSwitchId, "SecurityGroupId": scene.groupId])
            .string("NetworkInterfaceId")
        try await cloud.call(
            "AuthorizeSecurityGroup", ["SecurityGroupId": scene.groupId, "IpProtocol": "tcp", "PortRange": "22/22", "SourceCidrIp": "0.0.0.0/0"])
        let disks = try await cloud.call("DescribeDisks", ["InstanceId": scene.instanceId])
        scene.diskId = try #require(disks.node("Disks")?.items.first?["DiskId"]?.text)
        return (cloud, scene)
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Goldens")

    /// The whole answer as the server renders it: `RequestId` in place, the XML root named after the action.
    static func rendered(_ shape: Shape, cloud: ECSCloud, scene: Scene) async throws -> (tree: [ResponseNode.Field], json: String, xml: String) {
        let fields = try await cloud.call(shape.action, shape.parameters(scene), product: shape.product)
        let tree = fields.withRequestId(shape.product)
        let root = "\(shape.action)Response"
        return (
            tree, String(decoding: ResponseFormat.json.render(tree, root: root), as: UTF8.self),
            String(decoding: ResponseFormat.xml.render(tree, root: root), as: UTF8.self)
        )
    }

    @Test(arguments: shapes)
    func answerMatchesItsGolden(_ shape: Shape) async throws {
        let (cloud, scene) = try await Self.scene()
        let answer = try await Self.rendered(shape, cloud: cloud, scene: scene)
        #expect(WireOrder.violations(answer.tree, action: shape.action, product: shape.product) == [])
        for (text, ext) in [(answer.json, "json"), (answer.xml, "xml")] {
            let url = Self.directory.appendingPathComponent("\(shape.file).\(ext)")
            if ProcessInfo.processInfo.environment["HAVIP_UPDATE_GOLDENS"] == "1" {
                try FileManager.default.createDirectory(at: Self.directory, withIntermediateDirectories: true)
                try Data((text + "\n").utf8).write(to: url)
                continue
            }
            let golden = try String(contentsOf: url, encoding: .utf8)
            #expect(text + "\n" == golden, "\(shape.file).\(ext) differs from its golden")
        }
    }

    /// The scene is deterministic: a second one renders the same bytes (so the goldens pin behaviour, not luck).
    @Test func scenesAreDeterministic() async throws {
        let (first, firstScene) = try await Self.scene()
        let (second, secondScene) = try await Self.scene()
        for shape in Self.shapes where shape.action.hasPrefix("Describe") {
            let a = try await Self.rendered(shape, cloud: first, scene: firstScene)
            let b = try await Self.rendered(shape, cloud: second, scene: secondScene)
            #expect(a.json == b.json, "\(shape.testDescription)")
        }
    }

    /// Every golden file belongs to a shape (none left behind by a renamed or removed answer).
    @Test func noStrayGoldens() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.directory.path).filter { !$0.hasPrefix(".") }
        let expected = Set(Self.shapes.flatMap { ["\($0.file).json", "\($0.file).xml"] })
        #expect(Set(files) == expected)
    }
}
