"""The error contract of docs/compatibility.md, and assertions over SDK and raw replies."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .keyorder import is_ordered
from .raw import RawResponse
from .sdk import ApiError

JSON_CONTENT_TYPE = "application/json;charset=utf-8"
XML_CONTENT_TYPE = "text/xml;charset=utf-8"
XML_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>'
ERROR_FIELDS = ("RequestId", "HostId", "Code", "Message", "Recommend")
REQUEST_ID_RE = re.compile(r"^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$")

ACTION_NOT_FOUND = "Specified api is not found, please check your url and method."
ACTION_OR_VERSION = 'The specified parameter "Action or Version" is not valid.'
ACCESS_KEY_NOT_FOUND = "Specified access key is not found."
NONCE_USED = "Specified signature nonce was used already."
TIMESTAMP_EXPIRED = "Specified time stamp or date value is expired."
REGION_NOT_FOUND = "The RegionId provided does not exist in our records."
SIGNATURE_MISMATCH_PREFIX = ("Specified signature is not matched with our calculation. "
                             "server string to sign is:")
INCOMPLETE_SIGNATURE = "The request signature does not conform to Aliyun standards."
UNSUPPORTED_METHOD = "This http method not supported."
MALFORMED_PREFIX = "The request contains a malformed parameter: "
# What aliyunsdkcore.client.AcsClient._get_server_exception turns a 400
# SignatureDoesNotMatch into when the server's string to sign equals its own.
CORE_BAD_SECRET_CODE = "InvalidAccessKeySecret"
CORE_BAD_SECRET = "The AccessKeySecret is incorrect. Please check your AccessKeyId and AccessKeySecret."


def missing_parameter(name: str) -> str:
    return f'The input parameter "{name}" that is mandatory for processing this request is not supplied.'


def invalid_parameter(name: str) -> str:
    return f'The specified parameter "{name}" is not valid.'


def signature_mismatch(string_to_sign: str) -> str:
    return SIGNATURE_MISMATCH_PREFIX + string_to_sign


def recommend(code: str, product: str, request_id: str) -> str:
    return f"https://api.aliyun.com/troubleshoot?q={code}&product={product}&requestId={request_id}"


def assert_request_id(value) -> None:
    assert isinstance(value, str) and REQUEST_ID_RE.match(value), \
        f"RequestId {value!r} is not an uppercase UUID"


def _check_message(actual: Optional[str], message: Optional[str], prefix: Optional[str]) -> None:
    if message is not None:
        assert actual == message
    if prefix is not None:
        assert actual is not None and actual.startswith(prefix), actual


def assert_api_error(err: ApiError, status: int, code: str, message: Optional[str] = None,
                     *, prefix: Optional[str] = None) -> None:
    """An error raised through an SDK path (``sdk.ApiError``)."""
    assert (err.status, err.code) == (status, code), str(err)
    _check_message(err.message, message, prefix)
    assert_request_id(err.request_id)


def assert_json_error(resp: RawResponse, status: int, code: str, message: Optional[str] = None,
                      *, prefix: Optional[str] = None, product: Optional[str] = None) -> dict:
    """A raw JSON error envelope: status, content type, the five fields, request-id
    header, HostId. ``product`` (Vpc, Ecs, Sts) pins ``Recommend`` exactly."""
    assert resp.status == status, resp
    assert resp.content_type == JSON_CONTENT_TYPE, resp
    body = resp.json()
    assert set(ERROR_FIELDS) <= set(body), body
    assert body["Code"] == code, body
    _check_message(body["Message"], message, prefix)
    _check_envelope(resp, {k: body[k] for k in ERROR_FIELDS}, product)
    return body


def assert_xml_error(resp: RawResponse, status: int, code: str, message: Optional[str] = None,
                     *, product: Optional[str] = None) -> dict:
    """A raw XML error: ``<Error>`` with the five child elements."""
    assert resp.status == status, resp
    assert resp.content_type == XML_CONTENT_TYPE, resp
    assert resp.body.startswith(XML_DECLARATION), resp
    root = resp.xml()
    assert root.tag == "Error", resp
    fields = {child.tag: child.text for child in root}
    assert set(ERROR_FIELDS) <= set(fields), fields
    assert fields["Code"] == code, fields
    _check_message(fields["Message"], message, None)
    _check_envelope(resp, fields, product)
    return fields


def _check_envelope(resp: RawResponse, fields: dict, product: Optional[str]) -> None:
    request_id = fields["RequestId"]
    assert_request_id(request_id)
    assert resp.request_id_header == request_id
    assert fields["HostId"] == resp.host, fields  # the Host header without its port
    if product is not None:
        assert fields["Recommend"] == recommend(fields["Code"], product, request_id)
    else:
        assert fields["Recommend"].startswith(
            f"https://api.aliyun.com/troubleshoot?q={fields['Code']}&product="), fields
        assert fields["Recommend"].endswith(f"&requestId={request_id}"), fields


def assert_json_ok(resp: RawResponse) -> dict:
    """A raw JSON success: 200, exact content type, RequestId in the header and in the body, the top
    level in the real service's key order (``keyorder.py``)."""
    assert resp.status == 200, resp
    assert resp.content_type == JSON_CONTENT_TYPE, resp
    body = resp.json()
    assert "RequestId" in body and is_ordered(list(body), len(body)), body
    assert_request_id(body["RequestId"])
    assert resp.request_id_header == body["RequestId"]
    return body


# ------------------------------------------------------------ the resource API's errors


@dataclass(frozen=True)
class Err:
    """One entry of Sources/HaVipModel/Errors/ErrorCatalogue.swift as the wire shows it."""
    status: int
    code: str
    message: str


def invalid(name: str) -> Err:
    return Err(400, "InvalidParameter", invalid_parameter(name))


def missing(name: str) -> Err:
    return Err(400, "MissingParameter", missing_parameter(name))


class E:
    """The errors the HaVip API and its supporting resources answer with (docs/semantics.md)."""
    REGION_NOT_FOUND = Err(404, "InvalidRegionId.NotFound", REGION_NOT_FOUND)
    IDEMPOTENT_MISMATCH = Err(400, "IdempotentParameterMismatch",
                              "Request uses a client token in a previous request but is not identical to that request.")
    DESCRIPTION_MALFORMED = Err(400, "InvalidDescription.Malformed", "The specified Description is wrongly formed.")
    # tags and resource groups
    TAG_KEY_INVALID = Err(400, "InvalidTagKey", "The tag keys are not valid.")
    TAG_VALUE_INVALID = Err(400, "InvalidTagValue", "The tag values are not valid.")
    TAG_KEY_DUPLICATED = Err(400, "Forbidden.TagKey.Duplicated", "The specified tag key already exists.")
    TAG_COUNT_EXCEEDED = Err(400, "SizeLimitExceeded.TagNum", "The maximum number of tags is exceeded.")
    TAG_QUOTA_EXCEEDED = Err(400, "QuotaExceeded.TagNum", "Custom Tags quota exceeded")
    RESOURCE_TYPE_INVALID = Err(400, "InvalidInstanceType.NotFound", "The instance type is not found")
    RESOURCE_ID_NOT_FOUND = Err(400, "InvalidInstanceIds.NotFound", "The instanceIds are not found")
    TAGS_AND_RESOURCES_EMPTY = Err(403, "BothEmpty.TagsAndResources",
                                   "The specified Tags and ResourcesIds are not allow to both empty.")
    RESOURCE_ID_COUNT_EXCEEDED = Err(400, "SizeLimitExceeded.ResourceId", "The maximum number of resource IDs is exceeded.")
    RESOURCE_GROUP_INVALID = Err(400, "InvalidResourceGroupId", "The specified ResourceGroupId does not exist.")
    # VPC and vSwitch
    VPC_NOT_FOUND = Err(404, "InvalidVpcId.NotFound", "Specified VPC does not exist.")
    VPC_NAME_MALFORMED = Err(400, "InvalidVpcName.Malformed", "Specified VPC name is not valid.")
    VPC_DESCRIPTION_MALFORMED = Err(400, "InvalidVpcDiscription.Malformed", "Specified VPC description is not valid.")
    VPC_CIDR_INVALID = Err(400, "InvalidParameter", "Specified CIDR block is not valid")
    VPC_HAS_VSWITCHES = Err(400, "DependencyViolation.VSwitch", "Specified object has dependent resources")
    VPC_HAS_SECURITY_GROUPS = Err(400, "DependencyViolation.SecurityGroup",
                                  "Specified object has dependent resources SecurityGroup.")
    VSWITCH_NOT_FOUND = Err(404, "InvalidVSwitchId.NotFound", "VSwitch not exist.")
    VSWITCH_NAME_MALFORMED = Err(400, "InvalidVSwitchName.Malformed", "Specified virtual switch name is not valid.")
    VSWITCH_DESCRIPTION_MALFORMED = Err(400, "InvalidVSwitchDiscription.Malformed",
                                        "Specified virtual switch description is not valid.")
    VSWITCH_CIDR_NOT_IN_VPC = Err(400, "InvalidParameter", "Specified CIDR block is not valid in VPC.")
    VSWITCH_CIDR_MASK = Err(400, "InvalidCirdrBlock.MaskLength", "Specified CIDR block is not valid .")
    VSWITCH_CIDR_MALFORMED = Err(400, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.")
    VSWITCH_CIDR_OVERLAPPED = Err(400, "InvalidCidrBlock.Overlapped", "Specified CIDR block overlapped with other subnets.")
    VSWITCH_QUOTA = Err(400, "QuotaExceeded.VSwitch", "Virtual switch quota exceeded.")
    VSWITCH_HAS_HAVIPS = Err(400, "DependencyViolation.HaVip",
                             "VSwitch cannot be deleted when there are some HaVip dependent with it.")
    VSWITCH_HAS_DEPENDENTS = Err(400, "DependencyViolation", "Specified object has dependent resources.")
    ZONE_NOT_FOUND = Err(404, "InvalidZoneId.NotFound", "Specified zone does not exist.")
    REGION_OR_VPC_MISSING = missing("regionId or vpcInstanceId")
    # HaVip
    HAVIP_NOT_FOUND = Err(404, "InvalidHaVipId.NotFound", "The specified HaVip does not exist in the specified VPC.")
    HAVIP_VSWITCH_NOT_FOUND = Err(400, "InvalidVSwitch.NotFound",
                                  "The specified VSwitch does not exist in the specified region.")
    HAVIP_NAME_MALFORMED = Err(400, "Abs.Vpc.InvalidName.Malformed", "The specified Name is not valid.")
    HAVIP_DELETE_STATUS = Err(400, "IncorrectStatus", "HaVip can be deleted only when it is status is Available.")
    HAVIP_MODIFY_STATUS = Err(400, "IncorrectStatus",
                              "HaVip can be deleted only when it's status is Available or InUse.")
    HAVIP_HAS_EIP = Err(400, "DependencyViolation.HaVipAssociatedWithEIP",
                        "HaVip cannot be deleted when it is associated with EIP.")
    HAVIP_ASSOCIATE_STATUS = Err(400, "IncorrectHaVipStatus",
                                 "HaVip can be operated by this action only when it's status is Available or InUse.")
    HAVIP_UNASSOCIATE_STATUS = Err(400, "IncorrectHaVipStatus",
                                   "HaVip can be operated by this action only when it's status is InUse.")
    HAVIP_INSTANCE_LIMIT = Err(400, "CountLimitExceeded.HaVipOnECSInstance",
                               "The amount of Instance associated with the specified HaVip reach its limits.")
    HAVIP_PER_INSTANCE_LIMIT = Err(400, "CountLimitExceed.HaVipOnInstance",
                                   "The amount of HaVip associated with the specified Instance reach its limits.")
    HAVIP_ALREADY_ASSOCIATED = Err(400, "InvalidAssociation.Duplicated", "Specified instance already is associated.")
    HAVIP_NOT_ASSOCIATED = Err(400, "ResourceNotAssociated", "The HaVip and ECS instance are not associated.")
    HAVIP_MASTER_NEEDS_FORCE = Err(400, "Forbidden.UnassociateMaster",
                                   "Unassociating a master instance is not allowed unless the parameter Force is True.")
    HAVIP_INSTANCE_TYPE_MIXED = Err(400, "InvalidInstanceType.Mismatch",
                                    "A HaVip cannot be associated with ECS instances and network interfaces at the same time.")
    HAVIP_VSWITCH_MISMATCH = Err(400, "InvalidVSwitchId.Mismatch",
                                 "The HaVip and the instance must belong to the same VSwitch.")
    INSTANCE_TYPE_UNSUPPORTED = Err(400, "InvalidInstanceType.ValueNotSupported",
                                    "The specified value of InstanceType is not supported.")
    # Route tables and route entries
    ROUTE_TABLE_NOT_FOUND = Err(400, "InvalidRouteTable.NotFound", "The specified route table does not exist.")
    ROUTE_ENTRY_NOT_FOUND = Err(400, "InvalidRouteEntry.NotFound", "Route entry not exists.")
    ROUTE_CIDR_MALFORMED = Err(400, "InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.")
    ROUTE_CIDR_INVALID = Err(400, "InvalidCidrBlock", "Specified CIDR block is not valid.")
    ROUTE_CIDR_DUPLICATE = Err(400, "InvalidCIDRBlock.Duplicate", "Specified CIDR block is already exists.")
    ROUTE_ENTRY_STATUS = Err(400, "IncorrectRouteEntryStatus", "Some route entry status blocked this operation.")
    ROUTE_NEXT_HOP_VPC_MISMATCH = Err(400, "InvalidNextHop.Mismatch", "The next hop and the route table must belong to the same VPC.")
    ROUTE_ENTRY_SYSTEM = Err(400, "OperationDenied", "Specified operation is denied as route entry type is system.")
    ROUTE_PARAMETER_MISSING = Err(400, "MissingParameter", "Miss mandatory parameter.")
    HAVIP_ROUTED = Err(400, "DependencyViolation.HaVipReferedByRouteEntry",
                       "HaVip cannot be deleted when it is refered by a route table entry as next hop.")
    EIP_BANDWIDTH_INVALID = Err(400, "InvalidParameter", 'Specified value of "Bandwidth" is not valid.')
    EIP_NOT_FOUND = Err(404, "InvalidAllocationId.NotFound", "Specified allocation ID is not found")

    @staticmethod
    def filter_key_unsupported(n: int) -> Err:
        """DescribeHaVips' unknown Filter.N.Key, naming the filter as the seed's error table spells it."""
        return Err(404, "InvalidFilterKey.ValueNotSupported", f"Specified filter key is not supported: Filter.{n}.key")

    IP_MALFORMED = Err(400, "InvalidIPAddress.Malformed", "The specified IPAddress is not a valid or strict address.")
    IP_OUT_OF_RANGE = Err(400, "InvalidIPAddress.OutOfRange", "The specified IPAddress is out of VSwitch CIDR.")
    IP_RESERVED = Err(400, "InvalidIPAddress.NotAvailable",
                      "The specified IPAddress is not available because it is a system reserved IPAddress.")
    IP_ALREADY_USED = Err(400, "InvalidIPAddress.AlreadyUsed", "The specified IPAddress is already used by other resource.")
    IP_EXHAUSTED = Err(400, "QuotaExceeded.PrivateIpAddress", "Don't have enough private IPs in this switch")
    # ECS
    INSTANCE_NOT_FOUND = Err(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.")
    INSTANCE_STATUS = Err(403, "IncorrectInstanceStatus", "The current status of the resource does not support this operation.")
    INSTANCE_IDS_MALFORMED = Err(400, "InvalidInstanceIds.Malformed", "The specified InstanceIds is not valid.")
    AMOUNT_INVALID = Err(403, "InvalidParam.Amount", "The specified Amount is out of the range 1 to 100.")
    ECS_VSWITCH_NOT_FOUND = Err(404, "InvalidVSwitchId.NotFound", "Specified virtual switch does not exist.")
    SECURITY_GROUP_REFERENCE_NOT_FOUND = Err(404, "InvalidSecurityGroupId.NotFound",
                                             "The SecurityGroupId provided does not exist in our records.")
    # The code footmark's and Terraform's delete loops wait for.
    SECURITY_GROUP_NOT_FOUND = Err(404, "InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId does not exist.")
    SECURITY_GROUP_VPC_MISMATCH = Err(400, "InvalidParameter.Mismatch",
                                      "Specified security group and virtual switch are not in the same VPC.")
    SECURITY_GROUP_IN_USE = Err(403, "DependencyViolation", "There is still instance(s) in the specified security group.")
    SECURITY_GROUP_NAME_MALFORMED = Err(400, "InvalidSecurityGroupName.Malformed",
                                        "Specified security group name is not valid.")
    INSTANCE_NAME_MALFORMED = Err(400, "InvalidInstanceName.Malformed", "Specified parameter InstanceName is not valid.")
    ZONE_VSWITCH_MISMATCH = Err(400, "InvalidParameter.Mismatch", "Specified virtual switch is not in the specified zone.")
    ENI_NOT_FOUND = Err(404, "InvalidEniId.NotFound", "The specified NetworkInterfaceId does not exist.")
    ENI_IN_USE = Err(400, "InvalidOperation.InvalidEniState",
                     "The operation is not allowed in the current state of the network interface.")
    PRIVATE_IP_MALFORMED = Err(400, "InvalidPrivateIpAddress.Malformed", "Specified private IP address is malformed.")
    PRIVATE_IP_OUT_OF_RANGE = Err(400, "InvalidPrivateIpAddress",
                                  "Specified private IP address is not in the CIDR block of virtual switch.")
    PRIVATE_IP_DUPLICATED = Err(400, "InvalidPrivateIpAddress.Duplicated", "Specified private IP address is duplicated.")
    # ECS launch, instance attributes, disks (ErrorCatalogue.swift, "ECS launch and instance attributes")
    IMAGE_NOT_FOUND = Err(404, "InvalidImageId.NotFound", "The specified ImageId does not exist.")
    ECS_INSTANCE_TYPE_NOT_SUPPORTED = Err(400, "InvalidInstanceType.ValueNotSupported",
                                          "The specified InstanceType does not exist or beyond the permitted range.")
    SYSTEM_DISK_CATEGORY = Err(400, "InvalidSystemDiskCategory.ValueNotSupported",
                               'The specified parameter "SystemDisk.Category" is not valid.')
    SYSTEM_DISK_SIZE_INVALID = Err(404, "InvalidSystemDiskSize", "The specified parameter SystemDisk.Size is invalid.")
    SYSTEM_DISK_SIZE_BELOW_MIN = Err(404, "InvalidSystemDiskSize.LessThanMinSize",
                                     "The specified parameter SystemDisk.Size is less than the min size.")
    SYSTEM_DISK_SIZE_ABOVE_MAX = Err(404, "InvalidSystemDiskSize.MoreThanMaxSize",
                                     "The specified SystemDisk.Size parameter exceeds the maximum size.")
    INTERNET_CHARGE_TYPE = Err(400, "InvalidInternetChargeType.ValueNotSupported", "The specified InternetChargeType is not valid.")
    BANDWIDTH_OUT = Err(400, "InvalidInternetMaxBandwidthOut.Malformed",
                        "The specified parameter internetMaxBandwidthOut is not valid.")
    BANDWIDTH_IN = Err(400, "InvalidInternetMaxBandwidthIn.Malformed", "The specified parameter internetMaxBandwidthIn is not valid.")
    INSTANCE_CHARGE_TYPE = Err(404, "InvalidInstanceChargeType.NotFound", "The InstanceChargeType does not exist in our records")
    HOST_NAME_MALFORMED = Err(400, "InvalidHostName.Malformed", 'The specified parameter "HostName" is not valid.')
    INSTANCE_DESCRIPTION_MALFORMED = Err(400, "InvalidDescription.Malformed", 'The specified parameter "Description" is not valid.')
    USER_DATA_TOO_LARGE = Err(400, "InvalidUserData.SizeExceeded", 'The specified parameter "UserData" exceeds the size.')
    PASSWORD_MALFORMED = Err(400, "InvalidPassword.Malformed", 'The specified parameter "Password" is not valid.')
    DELETION_PROTECTED = Err(403, "InvalidOperation.DeletionProtection",
                             "The instance is protected from release: turn DeletionProtection off first.")
    DRY_RUN = Err(400, "DryRunOperation", "Request validation has been passed with DryRun flag set.")
    INSTANCE_IDS_NOT_FOUND = Err(404, "InvalidInstanceIds.NotFound", "The specified InstanceIds does not exist.")
    INSTANCE_ID_LIMIT = Err(403, "InstanceIdLimitExceeded", "The number of specified instance IDs exceeds the limit of 100.")
    RAM_ROLE_INSTANCE_IDS_MALFORMED = Err(400, "InvalidInstanceIds.Malformed", "The specified instanceIds are not valid.")
    RAM_ROLE_INSTANCE_NOT_FOUND = Err(404, "InvalidInstanceId.NotFound", "The specified instanceId does not exist")
    ATTACHMENT_REGION_MISSING = Err(400, "MissingParameter.RegionId", "The specified RegionId should not be null.")
    RAM_ROLE_QUERY_EMPTY = Err(403, "InvalidParameter.AllEmpty", "InstanceIds and RamRoleName cannot both be empty.")
    MAX_RESULTS_INVALID = Err(400, "InvalidParameter.MaxResults", "The specified parameter MaxResults is not valid.")
    NEXT_TOKEN_INVALID = Err(400, "InvalidParameter.NextToken", "The specified parameter NextToken is not valid.")
    DISK_TYPE = Err(400, "InvalidDiskType.ValueNotSupported", "The specified disk type is not supported.")
    DISK_CATEGORY = Err(400, "InvalidCategory.ValueNotSupported", "The specified disk category is not supported.")
    DISK_STATUS = Err(400, "InvalidStatus.ValueNotSupported", "The specified disk status is not supported.")
    DISK_IDS_MALFORMED = Err(400, "InvalidParameter.DiskIds", "The specified parameter diskIds is not valid.")
    # ECS images, instance types, zones and regions
    IMAGE_OWNER_ALIAS = Err(400, "InvalidImageOwnerAlias.ValueNotSupported", "The specified ImageOwnerAlias value is not supported.")
    IMAGE_USAGE = Err(404, "InvalidUsage", "The specifed Usage is not valid")
    IMAGE_OS_TYPE = Err(404, "InvalidOSType", "The specifed OSType is not valid")
    IMAGE_ARCHITECTURE = Err(404, "InvalidArchitecture", "The specifed Architecture is not valid")
    ACCEPT_LANGUAGE = Err(404, "InvalidAcceptLanguage.NotFound",
                          "Only Chinese (zh-CN), English (en-US), and Japanese (ja) are allowed.")
    SPOT_STRATEGY = Err(400, "InvalidSpotStrategy", "The specified SpotStrategy is not valid.")
    AVAILABLE_RESOURCE_REGION = Err(404, "Invalid.RegionId", "The specified RegionId does not exist.")
    DESTINATION_RESOURCE_MISSING = Err(400, "Invalid.Param", "The input parameter DestinationResource that is mandatory for "
                                       "processing this request is not supplied.")
    DESTINATION_RESOURCE_INVALID = Err(404, "Invalid.DestinationResource", "The specified DestinationResource is not valid.")
    IO_OPTIMIZED_INVALID = Err(404, "Invalid.IoOptimized", "The specified IoOptimized is not valid.")
    NETWORK_CATEGORY_INVALID = Err(404, "Invalid.NetworkCategory", "The specified NetworkCategory is not valid.")
    # ECS security groups and rules
    SECURITY_GROUP_NOT_FOUND_TO_MODIFY = Err(404, "InvalidSecurityGroupId.NotFound", "The specified security group does not exist.")
    SECURITY_GROUP_REFERENCED = Err(403, "DependencyViolation",
                                    "The specified security group has been authorized in another security group.")
    IP_PROTOCOL = Err(400, "InvalidIpProtocol.ValueNotSupported",
                      "The parameter IpProtocol must be specified with case insensitive TCP, UDP, ICMP, GRE or All.")
    PORT_RANGE_MALFORMED = Err(400, "InvalidIpProtocol.Malformed", 'The specified parameter "PortRange" is not valid.')
    PORT_RANGE_MALFORMED_REVOKE = Err(400, "InvalidIpPortRange.Malformed", 'The specified parameter "PortRange" is not valid.')
    PORT_RANGE_MISMATCH = Err(400, "OperationDenied", "The specified IpProtocol does not exist or IpProtocol and PortRange do not match.")
    RULE_SOURCE_MISSING = Err(400, "MissingParameter.Source", "Either SourceCidrIp or SourceGroupId must be specified.")
    RULE_DEST_MISSING = Err(400, "MissingParameter.Dest", "Either DestCidrIp or DestGroupId must be specified.")
    SOURCE_CIDR_MALFORMED = Err(400, "InvalidSourceCidrIp.Malformed", 'The specified parameter "SourceCidrIp" is not valid.')
    DEST_CIDR_MALFORMED = Err(400, "InvalidDestCidrIp.Malformed", "The specified parameter DestCidrIp is not valid.")
    SOURCE_GROUP_NOT_FOUND = Err(404, "InvalidSourceGroupId.NotFound", "The SourceGroupId provided does not exist in our records.")
    DEST_GROUP_NOT_FOUND = Err(404, "InvalidDestGroupId.NotFound", "The DestGroupId provided does not exist in our records.")
    PEER_GROUP_IS_SELF = Err(403, "InvalidParamter.Conflict", "The specified SecurityGroupId should be different from the SourceGroupId.")
    POLICY_MALFORMED = Err(400, "InvalidPolicy.Malformed", 'The specified parameter "Policy" is not valid.')
    NIC_TYPE = Err(400, "InvalidNicType.ValueNotSupported", "The specified NicType does not exist.")
    PRIORITY_NOT_SUPPORTED = Err(400, "InvalidPriority.ValueNotSupported", "The parameter Priority is invalid.")
    GROUP_RULE_NOT_FOUND = Err(403, "InvalidGroupAuthItem.NotFound", "Specified group authorized item does not exist in our records.")
    INSTANCE_SG_MISMATCH = Err(400, "InvalidInstanceId.Mismatch", "Specified instance and security group are not in the same VPC.")
    INSTANCE_ALREADY_IN_SG = Err(403, "InvalidInstanceId.AlreadyExists", "The specified instance already exists in the specified security group.")
    INSTANCE_LAST_SG = Err(403, "InstanceLastSecurityGroup", "The specified security group is the last security group for the instance.")
    INSTANCE_NOT_IN_SG = Err(403, "InstanceNotInSecurityGroup", "The instance not in the group.")
    SG_NOT_VPC = Err(403, "InvalidSecurityGroupId.NotVpc", "The specified security group is not of the VPC type.")
    # ECS network interfaces
    ENI_INSTANCE_NOT_FOUND = Err(404, "InvalidEcsId.NotFound", "The specified ECS instance does not exist.")
    ENI_ZONE_MISMATCH = Err(403, "InvalidOperation.AvailabilityZoneMismatch", "The network interface and the instance are not in the same zone.")
    ENI_VPC_MISMATCH = Err(403, "InvalidOperation.VpcMismatch", "The network interface and the instance are not in the same VPC.")
    ENI_TYPE = Err(403, "InvalidOperation.InvalidEniType", "The operation is not allowed for the type of the network interface.")
    PRIMARY_ENI_DETACH = Err(400, "InvalidOperation.DetachPrimaryEniNotAllowed", "The primary network interface of an instance cannot be detached.")
    # ECS tags
    ECS_REGION_MISSING = Err(404, "MissingParameter.RegionId", "The parameter - RegionId should not be null")
    ECS_RESOURCE_TYPE_MISSING = Err(404, "MissingParameter.ResourceType", "The parameter - ResourceType should not be null")
    ECS_RESOURCE_TYPE_NOT_FOUND = Err(404, "InvalidResourceType.NotFound", "The ResourceType provided does not exist in our records.")
    ECS_TAGS_MISSING = Err(404, "MissingParameter.Tags", "The parameter - Tags should not be null")
    ECS_TAGS_TOO_MANY = Err(400, "NumberExceed.Tags", "The Tags parameter's number is exceed , Valid : 20")
    ECS_RESOURCE_NOT_FOUND = Err(404, "InvalidResourceId.NotFound", "The specified ResourceIds are not found in our records.")
    ECS_TAG_KEY_INVALID = Err(400, "InvalidTagKey.Malformed", "The specified Tag.n.Key is not valid.")
    ECS_TAG_DUPLICATED = Err(400, "Duplicate.TagKey", "The Tag.N.Key contain duplicate key.")
    ECS_TAG_COUNT = Err(400, "InvalidTagCount", "The specified tags are beyond the permitted range.")
    ECS_TAG_FILTER_MISMATCH = Err(400, "InvalidTag.Mismatch", "The specified Tag.n.Key and Tag.n.Value are not match.")
    # EIP
    EIP_NOT_FOUND = Err(404, "InvalidAllocationId.NotFound", "Specified allocation ID is not found")
    EIP_NOT_AVAILABLE_FOR_ASSOCIATION = Err(400, "IncorrectEipStatus",
                                            "Current elastic IP status does not support this operation")
    EIP_STATUS = Err(400, "IncorrectEipStatus", "Current elastic IP status does not support this operation.")
    EIP_INSTANCE_NOT_FOUND = Err(404, "InvalidInstanId.NotFound", "Specified instance does not exist.")
    EIP_INSTANCE_MISMATCH = Err(400, "InvalidInstanceId.NotFound", "Specified instance does not exist.")
    EIP_ASSOCIATION_DUPLICATED = Err(400, "InvalidAssociation.Duplicated", "Specified instance already is associated.")
    EIP_BANDWIDTH_INVALID = Err(400, "InvalidParameter", 'Specified value of "Bandwidth" is not valid.')
    EIP_CHARGE_TYPE_INVALID = Err(400, "InvalidParameter", 'Specified value of "InternetChargeType" is not valid')


def assert_err(err: ApiError, expected: Err) -> None:
    """An SDK error that is exactly ``expected``: HTTP status, code and message."""
    assert_api_error(err, expected.status, expected.code, expected.message)
