import HaVipModel
import RPCWire

/// Every action havip serves, keyed by (version, name). Adding an action is one file in `Actions/` and one
/// line here; `docs/actions.md` is generated from this list (`havip actions`).
public struct ActionTable: Sendable {
    public static let all: [any RPCAction.Type] = [
        // VPC 2016-04-28
        DescribeRegions.self,
        DescribeZones.self,
        CreateHaVip.self,
        DescribeHaVips.self,
        DeleteHaVip.self,
        AssociateHaVip.self,
        UnassociateHaVip.self,
        ModifyHaVipAttribute.self,
        TagResources.self,
        UnTagResources.self,
        ListTagResources.self,
        MoveResourceGroup.self,
        CreateVpc.self,
        DescribeVpcs.self,
        DeleteVpc.self,
        CreateVSwitch.self,
        DescribeVSwitches.self,
        DeleteVSwitch.self,
        AllocateEipAddress.self,
        DescribeEipAddresses.self,
        ReleaseEipAddress.self,
        AssociateEipAddress.self,
        UnassociateEipAddress.self,
        DescribeVpcAttribute.self,
        ModifyVpcAttribute.self,
        DescribeVSwitchAttributes.self,
        ModifyVSwitchAttribute.self,
        ModifyEipAddressAttribute.self,
        DescribeRouteTables.self,
        DescribeRouteTableList.self,
        CreateRouteEntry.self,
        DeleteRouteEntry.self,
        DescribeRouteEntryList.self,
        // ECS 2014-05-26
        CreateSecurityGroup.self,
        DescribeSecurityGroups.self,
        DeleteSecurityGroup.self,
        RunInstances.self,
        CreateInstance.self,
        DescribeInstances.self,
        StartInstance.self,
        StopInstance.self,
        DeleteInstance.self,
        CreateNetworkInterface.self,
        DescribeNetworkInterfaces.self,
        DeleteNetworkInterface.self,
        ECS.DescribeRegions.self,
        ECS.DescribeZones.self,
        DescribeAvailableResource.self,
        DescribeImages.self,
        DescribeImageSupportInstanceTypes.self,
        DescribeInstanceTypes.self,
        DescribeInstanceAttribute.self,
        ModifyInstanceAttribute.self,
        DescribeInstanceMaintenanceAttributes.self,
        DescribeInstanceAttachmentAttributes.self,
        DescribeUserData.self,
        DescribeInstanceRamRole.self,
        RebootInstance.self,
        DescribeDisks.self,
        DescribeSecurityGroupAttribute.self,
        ModifySecurityGroupAttribute.self,
        AuthorizeSecurityGroup.self,
        RevokeSecurityGroup.self,
        AuthorizeSecurityGroupEgress.self,
        RevokeSecurityGroupEgress.self,
        JoinSecurityGroup.self,
        LeaveSecurityGroup.self,
        ECS.TagResources.self,
        UntagResources.self,
        ECS.ListTagResources.self,
        AttachNetworkInterface.self,
        DetachNetworkInterface.self,
        ModifyNetworkInterfaceAttribute.self,
        // STS 2015-04-01
        GetCallerIdentity.self,
    ]

    public static let standard = ActionTable(all)

    private let byKey: [Key: any RPCAction.Type]
    /// The product each served version belongs to.
    private let products: [String: Product]
    /// The products with an action of each name.
    private let productsByName: [String: Set<Product>]

    private struct Key: Hashable {
        let version: String
        let name: String
    }

    public init(_ actions: [any RPCAction.Type]) {
        var byKey: [Key: any RPCAction.Type] = [:]
        var productsByName: [String: Set<Product>] = [:]
        for action in actions {
            let key = Key(version: action.product.version, name: action.name)
            precondition(byKey[key] == nil, "\(action.name) \(action.product.version) is in the action table twice")
            byKey[key] = action
            productsByName[action.name, default: []].insert(action.product)
        }
        self.byKey = byKey
        self.products = Dictionary(actions.map { ($0.product.version, $0.product) }, uniquingKeysWith: { first, _ in first })
        self.productsByName = productsByName
    }

    /// The action for the pair, as the gateway finds it (docs/compatibility.md, "Action and Version"): the version
    /// names the product, as the endpoint's host does on the real cloud. A version no product here serves is
    /// `InvalidVersion`; an action the version's product does not serve is `InvalidAction.NotFound`, even when
    /// another product has an action of that name.
    public func action(named name: String, version: String) throws(APIError) -> any RPCAction.Type {
        guard products[version] != nil else { throw .invalidVersion }
        guard let action = byKey[Key(version: version, name: name)] else { throw .actionNotFound }
        return action
    }

    /// The product a request is for as far as it says, for the `Recommend` link of an error raised before (or
    /// instead of) finding its action: the product of its version; for an unknown or missing version, the one
    /// product with an action of that name; nil when neither tells.
    public func product(version: String?, action name: String?) -> Product? {
        if let version, let product = products[version] { return product }
        guard let name, let owners = productsByName[name], owners.count == 1 else { return nil }
        return owners.first
    }
}
