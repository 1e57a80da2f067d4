"""The real service's key order: every JSON object of an answer in the iteration order of a default
``java.util.HashMap`` holding the object's real key set (docs/compatibility.md, "Key order"), the same
algorithm as ``RPCWire.JavaHashMapOrder``.

A key's bucket is ``(h ^ (h >>> 16)) & (capacity - 1)``, ``h`` Java's ``String.hashCode`` over UTF-16
code units; the table has 16 buckets and doubles while it holds more than three quarters of its
capacity; keys of one bucket come in insertion order (which only the service knows, so any order of
them is accepted)."""

from __future__ import annotations

from typing import Any, Dict, List, Sequence

# Objects havip renders with fewer keys than the real service sends, by ``Product:Action`` path: the
# real count sets the table's capacity. (The VPC models of alibabacloud-go/vpc-20160428; the ECS
# Disk model of alibabacloud_ecs20140526 7.11.8.)
EXTRA_REAL_KEYS: Dict[str, Sequence[str]] = {
    "Vpc:DescribeVpcs.Vpcs.Vpc": ("CenStatus", "DnsHostnameStatus", "EnabledIpv6", "Ipv6CidrBlocks"),
    "Vpc:DescribeVSwitches.VSwitches.VSwitch": ("EnabledIpv6", "Ipv6CidrBlock"),
    "Vpc:DescribeEipAddresses.EipAddresses.EipAddress": (
        "BandwidthPackageBandwidth", "BandwidthPackageId", "BandwidthPackageType", "BizType", "BusinessStatus",
        "DeletionProtection", "EipBandwidth", "ExpiredTime", "HDMonitorStatus", "HasReservationData",
        "PublicIpAddressPoolId", "ReservationActiveTime", "ReservationBandwidth", "ReservationInternetChargeType",
        "ReservationOrderType", "SecondLimited", "SecurityProtectionTypes", "SegmentInstanceId", "ServiceID",
        "ServiceManaged", "VpcId", "Zone",
    ),
    "Ecs:DescribeDisks.Disks.Disk": ("Placement", "DataSource"),
}


def hash_code(key: str) -> int:
    """Java's ``String.hashCode`` as an unsigned 32-bit value."""
    h = 0
    data = key.encode("utf-16-be")
    for i in range(0, len(data), 2):
        h = (h * 31 + int.from_bytes(data[i:i + 2], "big")) & 0xFFFFFFFF
    return h


def capacity(key_count: int) -> int:
    """The table of a ``new HashMap<>()`` after ``key_count`` distinct keys were put in it."""
    cap = 16
    while key_count * 4 > cap * 3:
        cap *= 2
    return cap


def bucket(key: str, cap: int) -> int:
    h = hash_code(key)
    return (h ^ (h >> 16)) & (cap - 1)


def is_ordered(keys: Sequence[str], key_count: int) -> bool:
    """Whether ``keys`` could be the iteration order of a map of ``key_count`` keys holding them."""
    cap = capacity(key_count)
    buckets = [bucket(k, cap) for k in keys]
    return all(a <= b for a, b in zip(buckets, buckets[1:]))


def violations(answer: Dict[str, Any], product: str, action: str) -> List[str]:
    """Every object of a parsed JSON answer (dicts keep the wire's key order) that is not in HashMap
    order for its real key set, as ``path: keys``."""
    found: List[str] = []

    def walk(node: Any, path: str) -> None:
        if isinstance(node, dict):
            keys = list(node)
            real_count = len(keys) + len([k for k in EXTRA_REAL_KEYS.get(path, ()) if k not in node])
            if not is_ordered(keys, real_count):
                found.append(f"{path}: {keys} (capacity {capacity(real_count)})")
            for key, value in node.items():
                walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for item in node:
                walk(item, path)

    walk(answer, f"{product}:{action}")
    return found
