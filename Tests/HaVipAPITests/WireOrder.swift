import RPCWire

/// The real service's key order, checked on whole answers: every object must be in the
/// ``JavaHashMapOrder`` of its real key set (docs/compatibility.md, "Key order").
///
/// An object's real key set is the rendered one unless ``realKeys`` names it: the objects havip renders
/// with fewer keys than the real service sends (the capacity of the real map, and so the order, follows
/// the real count), and every VPC object, whose sets are pinned here from the SDK models so a renamed or
/// invented key fails.
enum WireOrder {
    /// Real key sets by path: `Product:Action` for the top level (with `RequestId`), then `.Field` into an
    /// object and `.Collection.Item` into a wrapped list's items. VPC sets: alibabacloud-go/vpc-20160428
    /// `client/*_response_body_model.go` (commit cf668a27), in the models' alphabetical order.
    static let realKeys: [String: [String]] = [
        "Vpc:DescribeHaVips": ["HaVips", "PageNumber", "PageSize", "RequestId", "TotalCount"],
        "Vpc:DescribeHaVips.HaVips.HaVip": [
            "AssociatedEipAddresses", "AssociatedInstanceType", "AssociatedInstances", "ChargeType", "CreateTime", "Description", "HaVipId",
            "IpAddress", "MasterInstanceId", "Name", "RegionId", "ResourceGroupId", "Status", "Tags", "VSwitchId", "VpcId",
        ],
        "Vpc:DescribeHaVips.HaVips.HaVip.Tags.Tag": ["Key", "Value"],
        "Vpc:DescribeVpcs": ["PageNumber", "PageSize", "RequestId", "TotalCount", "Vpcs"],
        // havip leaves out CenStatus, DnsHostnameStatus, EnabledIpv6 and Ipv6CidrBlocks (no CEN, DNS
        // hostnames or IPv6): 20 of 24 keys, the same capacity (32).
        "Vpc:DescribeVpcs.Vpcs.Vpc": [
            "CenStatus", "CidrBlock", "CreationTime", "Description", "DhcpOptionsSetId", "DhcpOptionsSetStatus", "DnsHostnameStatus",
            "EnabledIpv6", "Ipv6CidrBlock", "Ipv6CidrBlocks", "IsDefault", "NatGatewayIds", "OwnerId", "RegionId", "ResourceGroupId",
            "RouterTableIds", "SecondaryCidrBlocks", "Status", "Tags", "UserCidrs", "VRouterId", "VSwitchIds", "VpcId", "VpcName",
        ],
        "Vpc:DescribeVpcs.Vpcs.Vpc.Tags.Tag": ["Key", "Value"],
        "Vpc:DescribeVSwitches": ["PageNumber", "PageSize", "RequestId", "TotalCount", "VSwitches"],
        // havip leaves out EnabledIpv6 and Ipv6CidrBlock: 16 of 18 keys, the same capacity (32).
        "Vpc:DescribeVSwitches.VSwitches.VSwitch": [
            "AvailableIpAddressCount", "CidrBlock", "CreationTime", "Description", "EnabledIpv6", "Ipv6CidrBlock", "IsDefault", "NetworkAclId",
            "OwnerId", "ResourceGroupId", "RouteTable", "ShareType", "Status", "Tags", "VSwitchId", "VSwitchName", "VpcId", "ZoneId",
        ],
        "Vpc:DescribeVSwitches.VSwitches.VSwitch.RouteTable": ["RouteTableId", "RouteTableType"],
        "Vpc:DescribeVSwitches.VSwitches.VSwitch.Tags.Tag": ["Key", "Value"],
        "Vpc:DescribeEipAddresses": ["EipAddresses", "PageNumber", "PageSize", "RequestId", "TotalCount"],
        // havip renders 20 of the 42 keys; the real map has capacity 64.
        "Vpc:DescribeEipAddresses.EipAddresses.EipAddress": [
            "AllocationId", "AllocationTime", "Bandwidth", "BandwidthPackageBandwidth", "BandwidthPackageId", "BandwidthPackageType", "BizType",
            "BusinessStatus", "ChargeType", "DeletionProtection", "Description", "EipBandwidth", "ExpiredTime", "HDMonitorStatus",
            "HasReservationData", "ISP", "InstanceId", "InstanceRegionId", "InstanceType", "InternetChargeType", "IpAddress", "Mode", "Name",
            "Netmode", "OperationLocks", "PrivateIpAddress", "PublicIpAddressPoolId", "RegionId", "ReservationActiveTime", "ReservationBandwidth",
            "ReservationInternetChargeType", "ReservationOrderType", "ResourceGroupId", "SecondLimited", "SecurityProtectionTypes",
            "SegmentInstanceId", "ServiceID", "ServiceManaged", "Status", "Tags", "VpcId", "Zone",
        ],
        "Vpc:DescribeEipAddresses.EipAddresses.EipAddress.Tags.Tag": ["Key", "Value"],
        "Vpc:DescribeRegions": ["Regions", "RequestId"],
        "Vpc:DescribeRegions.Regions.Region": ["LocalName", "RegionEndpoint", "RegionId"],
        "Vpc:DescribeZones": ["RequestId", "Zones"],
        "Vpc:DescribeZones.Zones.Zone": ["LocalName", "ZoneId", "ZoneType"],
        "Vpc:ListTagResources": ["NextToken", "RequestId", "TagResources"],
        "Vpc:ListTagResources.TagResources.TagResource": ["ResourceId", "ResourceType", "TagKey", "TagValue"],
        "Vpc:CreateHaVip": ["HaVipId", "IpAddress", "RequestId"],
        "Vpc:CreateVpc": ["RequestId", "ResourceGroupId", "RouteTableId", "VRouterId", "VpcId"],
        "Vpc:CreateVSwitch": ["RequestId", "VSwitchId"],
        "Vpc:AllocateEipAddress": ["AllocationId", "EipAddress", "OrderId", "RequestId", "ResourceGroupId"],
        // The SDK's Disk model (alibabacloud_ecs20140526 7.11.8): havip leaves out Placement and DataSource.
        "Ecs:DescribeDisks.Disks.Disk+": ["Placement", "DataSource"],
    ]

    /// The real key set of the object at `path` rendered with `names`.
    static func realKeys(at path: String, rendered names: [String]) -> [String] {
        if let keys = realKeys[path] { return keys }
        if let extra = realKeys[path + "+"] { return names + extra }
        return names
    }

    /// Every object of `answer` (the whole top level, `RequestId` included) that is not in the real
    /// service's order, or has a key the real service does not send, as `path: problem`.
    static func violations(_ answer: [ResponseNode.Field], action: String, product: Product) -> [String] {
        violations(.object(answer), path: "\(product.rawValue):\(action)")
    }

    private static func violations(_ node: ResponseNode, path: String) -> [String] {
        switch node {
        case .object(let fields):
            let names = fields.map(\.name)
            let real = realKeys(at: path, rendered: names)
            var found: [String] = []
            let unknown = names.filter { !real.contains($0) }
            if !unknown.isEmpty { found.append("\(path): \(unknown) not in the real key set") }
            let order = JavaHashMapOrder(keyCount: real.count)
            if !order.isOrdered(names) {
                found.append("\(path): \(names) is not in HashMap order (capacity \(order.capacity)): \(order.ordered(names))")
            }
            for field in fields { found += violations(field.value, path: path + "." + field.name) }
            return found
        case .list(let item, let elements):
            return elements.flatMap { violations($0, path: path + "." + item) }
        case .string, .integer, .bool:
            return []
        }
    }
}
