import HaVipModel

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
    private let names: Set<String>

    private struct Key: Hashable {
        let version: String
        let name: String
    }

    public init(_ actions: [any RPCAction.Type]) {
        var byKey: [Key: any RPCAction.Type] = [:]
        for action in actions {
            let key = Key(version: action.product.version, name: action.name)
            precondition(byKey[key] == nil, "\(action.name) \(action.product.version) is in the action table twice")
            byKey[key] = action
        }
        self.byKey = byKey
        self.names = Set(actions.map { $0.name })
    }

    /// The action for the pair; `InvalidAction.NotFound` for an unknown name, `InvalidParameter` for a
    /// known name under a version that does not serve it.
    public func action(named name: String, version: String) throws(APIError) -> any RPCAction.Type {
        if let action = byKey[Key(version: version, name: name)] { return action }
        throw names.contains(name) ? .invalidActionOrVersion : .actionNotFound
    }
}
