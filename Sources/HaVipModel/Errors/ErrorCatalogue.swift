/// Every error code, HTTP status and message havip returns, spelled once.
/// Texts follow the real service where it is known (see docs/compatibility.md for the choices).
extension APIError {
    // MARK: Gateway and protocol

    public static func missingParameter(_ name: String) -> APIError {
        APIError("MissingParameter", 400, "The input parameter \"\(name)\" that is mandatory for processing this request is not supplied.")
    }

    public static func invalidParameter(_ name: String) -> APIError {
        APIError("InvalidParameter", 400, "The specified parameter \"\(name)\" is not valid.")
    }

    public static let invalidActionOrVersion = invalidParameter("Action or Version")

    public static let actionNotFound = APIError(
        "InvalidAction.NotFound", 404, "Specified api is not found, please check your url and method.")

    public static let unsupportedHTTPMethod = APIError("UnsupportedHTTPMethod", 403, "This http method not supported.")

    public static func malformedRequest(_ detail: String) -> APIError {
        APIError("InvalidParameter.Malformed", 400, "The request contains a malformed parameter: \(detail).")
    }

    public static func requestTooLarge(_ detail: String) -> APIError {
        APIError("InvalidParameter.TooLarge", 400, "The request is too large: \(detail).")
    }

    public static let internalError = APIError(
        "InternalError", 500, "The request processing has failed due to some unknown error, exception or failure.")

    public static let serviceUnavailable = APIError(
        "ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server.")

    /// What the gateway answers an account over its request rate (status 400 is unverified: docs/compatibility.md).
    /// `--rate-limit` answers it to a key over its rate; injected faults use it too (`havip ctl fault add --preset throttling`).
    public static let throttlingUser = APIError("Throttling.User", 400, "Request was denied due to user flow control.")

    // MARK: Authentication

    public static let incompleteSignature = APIError(
        "IncompleteSignature", 400, "The request signature does not conform to Aliyun standards.")

    public static let accessKeyNotFound = APIError("InvalidAccessKeyId.NotFound", 404, "Specified access key is not found.")

    public static func signatureDoesNotMatch(serverStringToSign: String) -> APIError {
        APIError(
            "SignatureDoesNotMatch", 400,
            "Specified signature is not matched with our calculation. server string to sign is:\(serverStringToSign)")
    }

    public static let signatureNonceUsed = APIError("SignatureNonceUsed", 400, "Specified signature nonce was used already.")

    public static let timestampExpired = APIError("InvalidTimeStamp.Expired", 400, "Specified time stamp or date value is expired.")

    public static let timestampMalformed = APIError(
        "InvalidTimeStamp.Format", 400, "Specified time stamp or date value is not well formatted.")

    // MARK: Regions

    public static let regionNotFound = APIError("InvalidRegionId.NotFound", 404, "The RegionId provided does not exist in our records.")

    public static let idempotentParameterMismatch = APIError(
        "IdempotentParameterMismatch", 400, "Request uses a client token in a previous request but is not identical to that request.")

    public static let descriptionMalformed = APIError("InvalidDescription.Malformed", 400, "The specified Description is wrongly formed.")

    // MARK: Tags and resource groups (the VPC tag backend's codes; ECS's are under ECS tags)

    public static let tagKeyInvalid = APIError("InvalidTagKey", 400, "The tag keys are not valid.")
    public static let tagValueInvalid = APIError("InvalidTagValue", 400, "The tag values are not valid.")
    public static let tagKeyDuplicated = APIError("Forbidden.TagKey.Duplicated", 400, "The specified tag key already exists.")
    public static let tagCountExceeded = APIError("SizeLimitExceeded.TagNum", 400, "The maximum number of tags is exceeded.")
    public static let tagQuotaExceeded = APIError("QuotaExceeded.TagNum", 400, "Custom Tags quota exceeded")
    public static let resourceIdCountExceeded = APIError("SizeLimitExceeded.ResourceId", 400, "The maximum number of resource IDs is exceeded.")
    public static let resourceTypeInvalid = APIError("InvalidInstanceType.NotFound", 400, "The instance type is not found")
    public static let resourceIdNotFound = APIError("InvalidInstanceIds.NotFound", 400, "The instanceIds are not found")
    public static let tagsAndResourcesEmpty = APIError(
        "BothEmpty.TagsAndResources", 403, "The specified Tags and ResourcesIds are not allow to both empty.")
    public static let resourceGroupIdInvalid = APIError("InvalidResourceGroupId", 400, "The specified ResourceGroupId does not exist.")

    // MARK: VPC and vSwitch

    public static let vpcNotFound = APIError("InvalidVpcId.NotFound", 404, "Specified VPC does not exist.")
    public static let vpcNameMalformed = APIError("InvalidVpcName.Malformed", 400, "Specified VPC name is not valid.")
    public static let vpcDescriptionMalformed = APIError("InvalidVpcDiscription.Malformed", 400, "Specified VPC description is not valid.")
    public static let vpcCidrInvalid = APIError("InvalidParameter", 400, "Specified CIDR block is not valid")
    public static let vpcHasVSwitches = APIError("DependencyViolation.VSwitch", 400, "Specified object has dependent resources")
    public static let vpcHasSecurityGroups = APIError(
        "DependencyViolation.SecurityGroup", 400, "Specified object has dependent resources SecurityGroup.")
    public static let vSwitchNotFound = APIError("InvalidVSwitchId.NotFound", 404, "VSwitch not exist.")
    public static let vSwitchNameMalformed = APIError("InvalidVSwitchName.Malformed", 400, "Specified virtual switch name is not valid.")
    public static let vSwitchDescriptionMalformed = APIError(
        "InvalidVSwitchDiscription.Malformed", 400, "Specified virtual switch description is not valid.")
    public static let vSwitchCidrNotInVpc = APIError("InvalidParameter", 400, "Specified CIDR block is not valid in VPC.")
    public static let vSwitchCidrMaskLength = APIError("InvalidCirdrBlock.MaskLength", 400, "Specified CIDR block is not valid .")
    public static let vSwitchCidrMalformed = APIError("InvalidCidrBlock.Malformed", 400, "Specified CIDR block is not valid.")
    public static let vSwitchCidrOverlapped = APIError("InvalidCidrBlock.Overlapped", 400, "Specified CIDR block overlapped with other subnets.")
    public static let vSwitchQuotaExceeded = APIError("QuotaExceeded.VSwitch", 400, "Virtual switch quota exceeded.")
    public static let vSwitchHasHaVips = APIError(
        "DependencyViolation.HaVip", 400, "VSwitch cannot be deleted when there are some HaVip dependent with it.")
    public static let vSwitchHasDependents = APIError("DependencyViolation", 400, "Specified object has dependent resources.")
    public static let zoneNotFound = APIError("InvalidZoneId.NotFound", 404, "Specified zone does not exist.")
    public static let missingRegionOrVpc = missingParameter("regionId or vpcInstanceId")

    // MARK: Route tables and route entries (docs/compatibility.md, "Route tables")

    /// An unknown RouteTableId (the code terraform's DescribeRouteEntryList read expects; status and message unverified).
    public static let routeTableNotFound = APIError("InvalidRouteTable.NotFound", 400, "The specified route table does not exist.")
    /// No custom route entry with this ID, or this destination and next hop (DeleteRouteEntry).
    public static let routeEntryNotFound = APIError("InvalidRouteEntry.NotFound", 400, "Route entry not exists.")
    public static let routeCidrMalformed = APIError("InvalidCidrBlock.Malformed", 400, "Specified CIDR block is not valid.")
    /// A destination inside one of the VPC's vSwitches, or inside 100.64.0.0/10.
    public static let routeCidrInvalid = APIError("InvalidCidrBlock", 400, "Specified CIDR block is not valid.")
    public static let routeCidrDuplicate = APIError("InvalidCIDRBlock.Duplicate", 400, "Specified CIDR block is already exists.")
    public static let routeEntryQuotaExceeded = APIError("QuotaExceeded", 400, "Route entry quota exceeded in this route table.")
    /// Another entry of the table is still Pending: the real service adds one route of a table at a time.
    public static let routeEntryIncorrectStatus = APIError("IncorrectRouteEntryStatus", 400, "Some route entry status blocked this operation.")
    /// A next hop that is not in the route table's VPC (code and message unverified).
    public static let routeNextHopVpcMismatch = APIError(
        "InvalidNextHop.Mismatch", 400, "The next hop and the route table must belong to the same VPC.")
    /// DeleteRouteEntry naming a system route (a vSwitch's, or the cloud services' 100.64.0.0/10).
    public static let routeEntrySystem = APIError("OperationDenied", 400, "Specified operation is denied as route entry type is system.")
    /// DeleteRouteEntry without a RouteEntryId, or without a RouteTableId and DestinationCidrBlock.
    public static let routeEntryParameterMissing = APIError("MissingParameter", 400, "Miss mandatory parameter.")

    // MARK: HaVip

    public static let haVipNotFound = APIError("InvalidHaVipId.NotFound", 404, "The specified HaVip does not exist in the specified VPC.")
    public static let haVipVSwitchNotFound = APIError("InvalidVSwitch.NotFound", 400, "The specified VSwitch does not exist in the specified region.")
    public static let haVipNameMalformed = APIError("Abs.Vpc.InvalidName.Malformed", 400, "The specified Name is not valid.")
    public static let haVipDeleteIncorrectStatus = APIError("IncorrectStatus", 400, "HaVip can be deleted only when it is status is Available.")
    /// The documented text of ModifyHaVipAttribute's error, copied from DeleteHaVip's by Alibaba (sic).
    public static let haVipModifyIncorrectStatus = APIError(
        "IncorrectStatus", 400, "HaVip can be deleted only when it's status is Available or InUse.")
    public static let haVipAssociatedWithEip = APIError(
        "DependencyViolation.HaVipAssociatedWithEIP", 400, "HaVip cannot be deleted when it is associated with EIP.")
    public static let haVipAssociateIncorrectStatus = APIError(
        "IncorrectHaVipStatus", 400, "HaVip can be operated by this action only when it's status is Available or InUse.")
    public static let haVipUnassociateIncorrectStatus = APIError(
        "IncorrectHaVipStatus", 400, "HaVip can be operated by this action only when it's status is InUse.")
    public static let haVipInstanceIncorrectStatus = APIError(
        "IncorrectInstanceStatus", 400, "ECS instance can be operated by this action only when it??s status is Running or Stopped.")
    public static let haVipInstanceLimit = APIError(
        "CountLimitExceeded.HaVipOnECSInstance", 400, "The amount of Instance associated with the specified HaVip reach its limits.")
    public static let haVipPerInstanceLimit = APIError(
        "CountLimitExceed.HaVipOnInstance", 400, "The amount of HaVip associated with the specified Instance reach its limits.")
    public static let haVipAlreadyAssociated = APIError("InvalidAssociation.Duplicated", 400, "Specified instance already is associated.")
    public static let haVipNotAssociated = APIError("ResourceNotAssociated", 400, "The HaVip and ECS instance are not associated.")
    public static let haVipMasterNeedsForce = APIError(
        "Forbidden.UnassociateMaster", 400, "Unassociating a master instance is not allowed unless the parameter Force is True.")
    public static let haVipInstanceTypeMixed = APIError(
        "InvalidInstanceType.Mismatch", 400, "A HaVip cannot be associated with ECS instances and network interfaces at the same time.")
    public static let haVipVSwitchMismatch = APIError(
        "InvalidVSwitchId.Mismatch", 400, "The HaVip and the instance must belong to the same VSwitch.")
    public static let instanceTypeUnsupported = APIError(
        "InvalidInstanceType.ValueNotSupported", 400, "The specified value of InstanceType is not supported.")
    /// DescribeHaVips' unknown `Filter.N.Key`, naming the filter as the API reference's error table spells it
    /// (`Filter.X.key`, lower-case `key`: ../shared/seed/DescribeHaVips.txt).
    public static func haVipFilterKeyUnsupported(index: Int) -> APIError {
        APIError("InvalidFilterKey.ValueNotSupported", 404, "Specified filter key is not supported: Filter.\(index).key")
    }
    public static let haVipReferencedByRouteEntry = APIError(
        "DependencyViolation.HaVipReferedByRouteEntry", 400, "HaVip cannot be deleted when it is refered by a route table entry as next hop.")

    /// An address problem, in the words of the HaVip API.
    public static func haVipAddress(_ problem: AddressProblem) -> APIError {
        switch problem {
        case .malformed: APIError("InvalidIPAddress.Malformed", 400, "The specified IPAddress is not a valid or strict address.")
        case .outOfRange: APIError("InvalidIPAddress.OutOfRange", 400, "The specified IPAddress is out of VSwitch CIDR.")
        case .reserved:
            APIError("InvalidIPAddress.NotAvailable", 400, "The specified IPAddress is not available because it is a system reserved IPAddress.")
        case .alreadyUsed: APIError("InvalidIPAddress.AlreadyUsed", 400, "The specified IPAddress is already used by other resource.")
        case .exhausted: APIError("QuotaExceeded.PrivateIpAddress", 400, "Don't have enough private IPs in this switch")
        }
    }

    // MARK: ECS

    public static let instanceNotFound = APIError("InvalidInstanceId.NotFound", 404, "The specified InstanceId does not exist.")
    public static let instanceIncorrectStatus = APIError(
        "IncorrectInstanceStatus", 403, "The current status of the resource does not support this operation.")
    public static let instanceIdsMalformed = APIError("InvalidInstanceIds.Malformed", 400, "The specified InstanceIds is not valid.")
    public static let amountInvalid = APIError("InvalidParam.Amount", 403, "The specified Amount is out of the range 1 to 100.")
    public static let ecsVSwitchNotFound = APIError("InvalidVSwitchId.NotFound", 404, "Specified virtual switch does not exist.")
    public static let securityGroupReferenceNotFound = APIError(
        "InvalidSecurityGroupId.NotFound", 404, "The SecurityGroupId provided does not exist in our records.")
    /// What footmark's and Terraform's delete loops wait for (DescribeSecurityGroupAttribute's and DeleteSecurityGroup's code).
    public static let securityGroupNotFound = APIError("InvalidSecurityGroupId.NotFound", 404, "The specified SecurityGroupId does not exist.")
    /// ModifySecurityGroupAttribute's wording of the same error.
    public static let securityGroupNotFoundToModify = APIError("InvalidSecurityGroupId.NotFound", 404, "The specified security group does not exist.")
    public static let securityGroupVpcMismatch = APIError(
        "InvalidParameter.Mismatch", 400, "Specified security group and virtual switch are not in the same VPC.")
    public static let securityGroupInUse = APIError("DependencyViolation", 403, "There is still instance(s) in the specified security group.")
    /// Deleting a group another group's rule names (message unverified: docs/compatibility.md).
    public static let securityGroupReferenced = APIError(
        "DependencyViolation", 403, "The specified security group has been authorized in another security group.")
    public static let securityGroupNameMalformed = APIError("InvalidSecurityGroupName.Malformed", 400, "Specified security group name is not valid.")
    public static let securityGroupDescriptionMalformed = APIError(
        "InvalidSecurityGroupDiscription.Malformed", 400, "Specified security group description is not valid.")
    public static let instanceNameMalformed = APIError("InvalidInstanceName.Malformed", 400, "Specified parameter InstanceName is not valid.")
    public static let zoneVSwitchMismatch = APIError("InvalidParameter.Mismatch", 400, "Specified virtual switch is not in the specified zone.")
    /// Deleting an instance or ENI that a route goes through (the code terraform's DeleteInstance retries on;
    /// status and message unverified).
    public static let instanceIsRouteNextHop = APIError(
        "DependencyViolation.RouteEntry", 403, "The specified instance is the next hop of a route entry.")
    public static let networkInterfaceNotFound = APIError("InvalidEniId.NotFound", 404, "The specified NetworkInterfaceId does not exist.")
    public static let networkInterfaceInUse = APIError(
        "InvalidOperation.InvalidEniState", 400, "The operation is not allowed in the current state of the network interface.")
    public static let networkInterfaceNameMalformed = APIError("InvalidName.Malformed", 400, "Specified parameter NetworkInterfaceName is not valid.")

    /// An address problem, in the words of the ECS API.
    public static func privateAddress(_ problem: AddressProblem) -> APIError {
        switch problem {
        case .malformed: APIError("InvalidPrivateIpAddress.Malformed", 400, "Specified private IP address is malformed.")
        case .outOfRange, .reserved:
            APIError("InvalidPrivateIpAddress", 400, "Specified private IP address is not in the CIDR block of virtual switch.")
        case .alreadyUsed: APIError("InvalidPrivateIpAddress.Duplicated", 400, "Specified private IP address is duplicated.")
        case .exhausted: APIError("QuotaExceeded.PrivateIpAddress", 400, "Don't have enough private IPs in this switch")
        }
    }

    // MARK: ECS launch and instance attributes

    public static let imageNotFound = APIError("InvalidImageId.NotFound", 404, "The specified ImageId does not exist.")
    public static let ecsInstanceTypeNotSupported = APIError(
        "InvalidInstanceType.ValueNotSupported", 400, "The specified InstanceType does not exist or beyond the permitted range.")
    public static let systemDiskCategoryNotSupported = APIError(
        "InvalidSystemDiskCategory.ValueNotSupported", 400, "The specified parameter \"SystemDisk.Category\" is not valid.")
    public static let systemDiskSizeInvalid = APIError("InvalidSystemDiskSize", 404, "The specified parameter SystemDisk.Size is invalid.")
    public static let systemDiskSizeBelowImage = APIError(
        "InvalidSystemDiskSize.LessThanImageSize", 404, "The specified parameter SystemDisk.Size is less than the image size.")
    public static let systemDiskSizeBelowMinimum = APIError(
        "InvalidSystemDiskSize.LessThanMinSize", 404, "The specified parameter SystemDisk.Size is less than the min size.")
    public static let systemDiskSizeAboveMaximum = APIError(
        "InvalidSystemDiskSize.MoreThanMaxSize", 404, "The specified SystemDisk.Size parameter exceeds the maximum size.")
    public static let diskNameMalformed = APIError(
        "InvalidDiskName.Malformed", 400, "The specified parameter \"SystemDisk.DiskName or DataDisk.n.DiskName\" is not valid.")
    public static let diskDescriptionMalformed = APIError(
        "InvalidDiskDescription.Malformed", 400, "The specified parameter \"SystemDisk.DiskDescription\" or \"DataDisk.n.Description\" is not valid.")
    public static let internetChargeTypeNotSupported = APIError(
        "InvalidInternetChargeType.ValueNotSupported", 400, "The specified InternetChargeType is not valid.")
    public static let bandwidthOutMalformed = APIError(
        "InvalidInternetMaxBandwidthOut.Malformed", 400, "The specified parameter internetMaxBandwidthOut is not valid.")
    public static let bandwidthInMalformed = APIError(
        "InvalidInternetMaxBandwidthIn.Malformed", 400, "The specified parameter internetMaxBandwidthIn is not valid.")
    public static let instanceChargeTypeNotFound = APIError(
        "InvalidInstanceChargeType.NotFound", 404, "The InstanceChargeType does not exist in our records")
    public static let hostNameMalformed = APIError("InvalidHostName.Malformed", 400, "The specified parameter \"HostName\" is not valid.")
    public static let instanceDescriptionMalformed = APIError(
        "InvalidDescription.Malformed", 400, "The specified parameter \"Description\" is not valid.")
    public static let userDataTooLarge = APIError("InvalidUserData.SizeExceeded", 400, "The specified parameter \"UserData\" exceeds the size.")
    public static let passwordMalformed = APIError("InvalidPassword.Malformed", 400, "The specified parameter \"Password\" is not valid.")
    public static let keyPairNameMalformed = invalidParameter("KeyPairName")
    public static let deletionProtected = APIError(
        "InvalidOperation.DeletionProtection", 403, "The instance is protected from release: turn DeletionProtection off first.")
    /// What a request with `DryRun=true` answers once every check passed (status and message unverified).
    public static let dryRunOperation = APIError("DryRunOperation", 400, "Request validation has been passed with DryRun flag set.")
    public static let instanceIdsNotFound = APIError("InvalidInstanceIds.NotFound", 404, "The specified InstanceIds does not exist.")
    public static let instanceIdLimitExceeded = APIError(
        "InstanceIdLimitExceeded", 403, "The number of specified instance IDs exceeds the limit of 100.")
    public static let ramRoleInstanceIdsMalformed = APIError("InvalidInstanceIds.Malformed", 400, "The specified instanceIds are not valid.")
    public static let ramRoleInstanceNotFound = APIError("InvalidInstanceId.NotFound", 404, "The specified instanceId does not exist")
    public static let attachmentRegionMissing = APIError("MissingParameter.RegionId", 400, "The specified RegionId should not be null.")
    public static let ramRoleQueryEmpty = APIError(
        "InvalidParameter.AllEmpty", 403, "InstanceIds and RamRoleName cannot both be empty.")
    public static let maxResultsInvalid = APIError("InvalidParameter.MaxResults", 400, "The specified parameter MaxResults is not valid.")
    public static let nextTokenInvalid = APIError("InvalidParameter.NextToken", 400, "The specified parameter NextToken is not valid.")

    // MARK: ECS disks

    public static let diskTypeNotSupported = APIError("InvalidDiskType.ValueNotSupported", 400, "The specified disk type is not supported.")
    public static let diskCategoryNotSupported = APIError(
        "InvalidCategory.ValueNotSupported", 400, "The specified disk category is not supported.")
    public static let diskStatusNotSupported = APIError("InvalidStatus.ValueNotSupported", 400, "The specified disk status is not supported.")
    public static let diskIdsMalformed = APIError("InvalidParameter.DiskIds", 400, "The specified parameter diskIds is not valid.")
    public static let diskIdsTooMany = APIError("InvalidDiskIds.Malformed", 403, "The amount of specified disk Ids exceeds the limit.")

    // MARK: ECS images, instance types, zones and regions

    public static let imageOwnerAliasNotSupported = APIError(
        "InvalidImageOwnerAlias.ValueNotSupported", 400, "The specified ImageOwnerAlias value is not supported.")
    public static let imageUsageInvalid = APIError("InvalidUsage", 404, "The specifed Usage is not valid")
    public static let imageOSTypeInvalid = APIError("InvalidOSType", 404, "The specifed OSType is not valid")
    public static let imageArchitectureInvalid = APIError("InvalidArchitecture", 404, "The specifed Architecture is not valid")
    public static let acceptLanguageNotFound = APIError(
        "InvalidAcceptLanguage.NotFound", 404, "Only Chinese (zh-CN), English (en-US), and Japanese (ja) are allowed.")
    public static let spotStrategyInvalid = APIError("InvalidSpotStrategy", 400, "The specified SpotStrategy is not valid.")
    public static let availableResourceRegionNotFound = APIError("Invalid.RegionId", 404, "The specified RegionId does not exist.")
    public static let destinationResourceMissing = APIError(
        "Invalid.Param", 400, "The input parameter DestinationResource that is mandatory for processing this request is not supplied.")
    public static let destinationResourceInvalid = APIError("Invalid.DestinationResource", 404, "The specified DestinationResource is not valid.")
    public static let availableResourceChargeTypeInvalid = APIError(
        "Invalid.InstanceChargeType", 400, "The specified InstanceChargeType is not valid.")
    public static let availableResourceSpotStrategyInvalid = APIError("Invalid.SpotStrategy", 404, "The specified SpotStrategy is not valid.")
    public static let ioOptimizedInvalid = APIError("Invalid.IoOptimized", 404, "The specified IoOptimized is not valid.")
    public static let networkCategoryInvalid = APIError("Invalid.NetworkCategory", 404, "The specified NetworkCategory is not valid.")
    public static let availableResourceTypeInvalid = APIError("Invalid.ResourceType", 404, "The ResourceType provided does not exist in our records.")

    // MARK: ECS security groups and their rules

    public static let ipProtocolNotSupported = APIError(
        "InvalidIpProtocol.ValueNotSupported", 400, "The parameter IpProtocol must be specified with case insensitive TCP, UDP, ICMP, GRE or All.")
    /// AuthorizeSecurityGroup's code for a malformed port range (sic: the code names the protocol).
    public static let portRangeMalformed = APIError("InvalidIpProtocol.Malformed", 400, "The specified parameter \"PortRange\" is not valid.")
    /// RevokeSecurityGroup's code for the same.
    public static let portRangeMalformedToRevoke = APIError("InvalidIpPortRange.Malformed", 400, "The specified parameter \"PortRange\" is not valid.")
    public static let portRangeMismatch = APIError(
        "OperationDenied", 400, "The specified IpProtocol does not exist or IpProtocol and PortRange do not match.")
    public static let sourcePortRangeMalformed = APIError(
        "InvalidSourcePortRange.Malformed", 400, "The specified parameter \"SourcePortRange\" is not valid.")
    public static let ruleSourceMissing = APIError("MissingParameter.Source", 400, "Either SourceCidrIp or SourceGroupId must be specified.")
    public static let ruleDestinationMissing = APIError("MissingParameter.Dest", 400, "Either DestCidrIp or DestGroupId must be specified.")
    public static let sourceCidrMalformed = APIError("InvalidSourceCidrIp.Malformed", 400, "The specified parameter \"SourceCidrIp\" is not valid.")
    public static let destinationCidrMalformed = APIError("InvalidDestCidrIp.Malformed", 400, "The specified parameter DestCidrIp is not valid.")
    public static let sourceGroupNotFound = APIError(
        "InvalidSourceGroupId.NotFound", 404, "The SourceGroupId provided does not exist in our records.")
    public static let destinationGroupNotFound = APIError("InvalidDestGroupId.NotFound", 404, "The DestGroupId provided does not exist in our records.")
    public static let peerGroupIsSelf = APIError(
        "InvalidParamter.Conflict", 403, "The specified SecurityGroupId should be different from the SourceGroupId.")
    public static let peerGroupVpcMismatch = APIError(
        "InvalidSourceGroupId.Mismatch", 400, "Specified security group and source group are not in the same VPC.")
    public static let policyMalformed = APIError("InvalidPolicy.Malformed", 400, "The specified parameter \"Policy\" is not valid.")
    public static let nicTypeNotSupported = APIError("InvalidNicType.ValueNotSupported", 400, "The specified NicType does not exist.")
    public static let priorityMalformed = APIError("InvalidPriority.Malformed", 400, "The parameter Priority is invalid.")
    public static let priorityNotSupported = APIError("InvalidPriority.ValueNotSupported", 400, "The parameter Priority is invalid.")
    public static let ruleDescriptionMalformed = APIError(
        "InvalidSecurityGroupDiscription.Malformed", 400, "The specified security group rule description is not valid.")
    public static let ruleLimitExceeded = APIError(
        "AuthorizationLimitExceed", 403, "The limit of authorization records in the security group reaches.")
    public static let groupRuleNotFound = APIError(
        "InvalidGroupAuthItem.NotFound", 403, "Specified group authorized item does not exist in our records.")
    public static let securityGroupAttributeParameterInvalid = APIError("InvalidParamter", 400, "Invalid Parameter")
    public static let instanceSecurityGroupMismatch = APIError(
        "InvalidInstanceId.Mismatch", 400, "Specified instance and security group are not in the same VPC.")
    public static let instanceAlreadyInSecurityGroup = APIError(
        "InvalidInstanceId.AlreadyExists", 403, "The specified instance already exists in the specified security group.")
    public static let instanceSecurityGroupLimit = APIError(
        "InstanceSecurityGroupLimitExceeded", 400, "Exceeding the allowed amount of security groups that an instance can be in.")
    public static let instanceLastSecurityGroup = APIError(
        "InstanceLastSecurityGroup", 403, "The specified security group is the last security group for the instance.")
    public static let instanceNotInSecurityGroup = APIError("InstanceNotInSecurityGroup", 403, "The instance not in the group.")
    public static let securityGroupNotVpc = APIError("InvalidSecurityGroupId.NotVpc", 403, "The specified security group is not of the VPC type.")

    // MARK: ECS network interfaces

    public static let eniInstanceNotFound = APIError("InvalidEcsId.NotFound", 404, "The specified ECS instance does not exist.")
    public static let eniSecurityGroupVpcMismatch = APIError(
        "InvalidOperation.VpcMismatch", 403, "The network interface and the security group are not in the same VPC.")
    public static let eniZoneMismatch = APIError(
        "InvalidOperation.AvailabilityZoneMismatch", 403, "The network interface and the instance are not in the same zone.")
    public static let eniVpcMismatch = APIError("InvalidOperation.VpcMismatch", 403, "The network interface and the instance are not in the same VPC.")
    public static let eniInstanceIncorrectStatus = APIError(
        "InvalidOperation.InvalidEcsState", 400, "The operation is not allowed in the current state of the instance.")
    public static let eniTypeNotAllowed = APIError(
        "InvalidOperation.InvalidEniType", 403, "The operation is not allowed for the type of the network interface.")
    public static let primaryEniDetach = APIError(
        "InvalidOperation.DetachPrimaryEniNotAllowed", 400, "The primary network interface of an instance cannot be detached.")
    public static let eniPerInstanceLimit = APIError(
        "EniPerInstanceLimitExceeded", 403, "The number of network interfaces attached to the instance has reached its limit.")

    // MARK: ECS tags (TagResources, UntagResources, ListTagResources)

    public static let ecsRegionMissing = APIError("MissingParameter.RegionId", 404, "The parameter - RegionId should not be null")
    public static let ecsResourceTypeMissing = APIError("MissingParameter.ResourceType", 404, "The parameter - ResourceType should not be null")
    public static let ecsResourceTypeNotFound = APIError(
        "InvalidResourceType.NotFound", 404, "The ResourceType provided does not exist in our records.")
    public static let ecsTagsMissing = APIError("MissingParameter.Tags", 404, "The parameter - Tags should not be null")
    public static let ecsResourceIdsTooMany = APIError(
        "NumberExceed.ResourceIds", 400, "The ResourceIds parameter's number is exceed , Valid : 50")
    public static let ecsTagsTooMany = APIError("NumberExceed.Tags", 400, "The Tags parameter's number is exceed , Valid : 20")
    public static let ecsResourceNotFound = APIError("InvalidResourceId.NotFound", 404, "The specified ResourceIds are not found in our records.")
    public static let ecsTagQuotaExceeded = APIError(
        "OperationDenied.QuotaExceed", 400, "The quota of tags on resource is beyond permitted range.")
    public static let ecsTagFilterMismatch = APIError("InvalidTag.Mismatch", 400, "The specified Tag.n.Key and Tag.n.Value are not match.")

    // MARK: EIP

    public static let eipNotFound = APIError("InvalidAllocationId.NotFound", 404, "Specified allocation ID is not found")
    public static let eipNotAvailableForAssociation = APIError(
        "IncorrectEipStatus", 400, "Current elastic IP status does not support this operation")
    public static let eipIncorrectStatus = APIError("IncorrectEipStatus", 400, "Current elastic IP status does not support this operation.")
    public static let eipInstanceNotFound = APIError("InvalidInstanId.NotFound", 404, "Specified instance does not exist.")
    public static let eipInstanceMismatch = APIError("InvalidInstanceId.NotFound", 400, "Specified instance does not exist.")
    public static let eipInstanceIncorrectStatus = APIError(
        "IncorrectInstanceStatus", 400, "Current instance status does not support this operation.")
    public static let eipAssociationDuplicated = APIError("InvalidAssociation.Duplicated", 400, "Specified instance already is associated.")
    public static let eipBandwidthInvalid = APIError("InvalidParameter", 400, "Specified value of \"Bandwidth\" is not valid.")
    public static let eipChargeTypeInvalid = APIError("InvalidParameter", 400, "Specified value of \"InternetChargeType\" is not valid")

    // MARK: HTTP connections (answered by the connection itself, before any route; docs/compatibility.md)

    /// A request that is not HTTP/1.x the parser accepts: a bad request line, method, version, header or chunk.
    public static func httpRequestMalformed(_ detail: String) -> APIError {
        APIError("InvalidParameter.Malformed", 400, "The request is not well-formed HTTP/1.1: \(detail).")
    }

    /// The request line and headers were not all received within the read-header timeout, or the body within the body timeout.
    public static let requestTimeout = APIError("RequestTimeout", 408, "The request was not received completely in time.")

    /// Every connection slot is taken (and none is idle to make room).
    public static let tooManyConnections = APIError(
        "ServiceUnavailable", 503, "The request has failed due to a temporary failure of the server: too many open connections.")

    // MARK: Action and Version (how the gateway finds the action: docs/compatibility.md)

    /// A `Version` no product serves. An action its version's product does not serve is ``actionNotFound``.
    public static let invalidVersion = APIError("InvalidVersion", 400, "Specified parameter Version is not valid.")

    // MARK: Control API (havip's own endpoints under /_havip/, answered {"error": CODE, "detail": TEXT})

    /// The `Authorization: Bearer TOKEN` of a control request is missing or not the admin token.
    public static let controlUnauthorized = APIError(
        "Unauthorized", 401, "This endpoint needs the admin token as Authorization: Bearer TOKEN (havip serve --admin-token, or the development token it prints).")

    /// Nothing is known by this name or ID: a snapshot, a fault, a control endpoint.
    public static func controlNotFound(_ detail: String) -> APIError {
        APIError("NotFound", 404, detail)
    }

    /// A control request's body, or one of its fields, is not what the endpoint takes.
    public static func controlInvalidBody(_ detail: String) -> APIError {
        APIError("InvalidBody", 400, detail)
    }

    /// A snapshot holds rows this havip cannot put back (a table or column its schema lacks).
    public static func snapshotIncompatible(_ detail: String) -> APIError {
        APIError("SnapshotIncompatible", 409, "The snapshot cannot be restored by this havip: \(detail).")
    }

    /// A HaVip ID found in more than one account (possible only with IDs chosen by hand): the request must name the account.
    public static let haVipIdAmbiguous = APIError(
        "Conflict", 409, "Several accounts have a HaVip with this ID: name the account (\"account\").")

    /// `failover` to an instance that is associated but not running: only a running instance can answer for the address.
    public static let failoverTargetNotRunning = APIError(
        "IncorrectInstanceStatus", 400, "The instance is not running: only a running instance can take over the HaVip.")

    /// `failover` with the data plane on: the address did not reach the instance on the wire in time (its keepalived
    /// did not take it, say). The master stays where the wire has it.
    public static func failoverTimedOut(_ detail: String) -> APIError {
        APIError("FailoverTimedOut", 504, "The address did not move on the wire in time: \(detail).")
    }

    /// `failover` with the data plane on, while the lab cannot move addresses (it is starting, stopping or failed).
    public static func dataPlaneUnavailable(_ detail: String) -> APIError {
        APIError("DataPlaneUnavailable", 503, "The data plane cannot move the address now: \(detail).")
    }

    /// The error a world document's part ran into, with where in the document: `vpcs[0].vswitches[1]: …`.
    public static func located(_ error: APIError, at path: String) -> APIError {
        APIError(error.code, error.httpStatus, "\(path): \(error.message)")
    }

    /// An error an injected fault answers with: any code, status and message a test asks for
    /// (``throttlingUser`` and ``serviceUnavailable`` are the presets).
    public static func injected(code: String, status: Int, message: String) -> APIError {
        APIError(code, status, message)
    }
}

extension TagErrors {
    /// The VPC tag backend's codes (VPC resources' tags, TagResources and UnTagResources).
    public static let vpc = TagErrors(
        keyInvalid: .tagKeyInvalid, valueInvalid: .tagValueInvalid, duplicated: .tagKeyDuplicated, tooMany: .tagCountExceeded,
        quotaExceeded: .tagQuotaExceeded)

    /// ECS's codes, as RunInstances, CreateSecurityGroup and ECS TagResources answer them.
    public static let ecs = TagErrors(
        keyInvalid: APIError("InvalidTagKey.Malformed", 400, "The specified Tag.n.Key is not valid."),
        valueInvalid: APIError("InvalidTagValue.Malformed", 400, "The specified Tag.n.Value is not valid."),
        duplicated: APIError("Duplicate.TagKey", 400, "The Tag.N.Key contain duplicate key."),
        tooMany: APIError("InvalidTagCount", 400, "The specified tags are beyond the permitted range."), quotaExceeded: .ecsTagQuotaExceeded)
}
