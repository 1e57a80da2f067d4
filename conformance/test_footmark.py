"""footmark 1.26.0 (the library behind Ansible's Alibaba Cloud modules) against havip: the calls the
ali_security_group, ali_instance (count_tag), ali_eni and ali_eip modules make, each through footmark's
own request building, V1 signing (core SDK) and parsing (yaml, snake-casing, its resource objects).

Pointing footmark at havip is the one documented core-SDK call per product, and nothing else is
patched: footmark builds a fresh ``AcsClient`` per request with no endpoint, and the core SDK's
``DefaultEndpointResolver`` asks the class-wide ``predefined_endpoint_resolver`` first, which
``aliyunsdkcore.profile.region_provider.add_endpoint`` fills (docs/clients.md). The test gives that
resolver a fresh instance so the entries end with it. Only footmark's fixed waits are shortened (``FastTime``):
they sleep 10 s after RunInstances and StartInstances whatever the answers say, for a real instance to boot.

The VPC side of the same modules runs too: ali_vpc and ali_vswitch (their waits read
DescribeVpcAttribute and DescribeVSwitchAttributes), ali_route_entry with a HaVip next hop (its wait reads
DescribeRouteTables) and Eip.modify (ModifyEipAddressAttribute).
"""

from __future__ import annotations

import base64
import time

import pytest

footmark_ecs = pytest.importorskip("footmark.ecs")
footmark_vpc = pytest.importorskip("footmark.vpc")
from aliyunsdkcore.endpoint.default_endpoint_resolver import DefaultEndpointResolver  # noqa: E402
from aliyunsdkcore.endpoint.user_customized_endpoint_resolver import UserCustomizedEndpointResolver  # noqa: E402
from aliyunsdkcore.profile import region_provider  # noqa: E402

from .cloud import IMAGE_ID, INSTANCE_TYPE, REGION, ZONE, Cloud  # noqa: E402
from .server import TEST_KEY  # noqa: E402

COUNT_TAG = {"role": "havip-node"}


class FastTime:
    """footmark's ``time`` with every sleep a twentieth as long: its fixed 10 s waits for a real instance to boot
    (havip's instances run at once); its polls still ask the server, only less time passes between them."""

    def __getattr__(self, name):
        return getattr(time, name)

    @staticmethod
    def sleep(seconds: float) -> None:
        time.sleep(seconds / 20)


@pytest.fixture
def footmark(cloud_endpoint, monkeypatch):
    """footmark's ECS and VPC connections as Ansible's module_utils/alicloud_ecs.py makes them, pointed at havip."""
    monkeypatch.setattr(DefaultEndpointResolver, "predefined_endpoint_resolver", UserCustomizedEndpointResolver())
    monkeypatch.setattr(footmark_ecs.connection, "time", FastTime())
    for product in ("Ecs", "Vpc"):
        region_provider.add_endpoint(product, REGION, cloud_endpoint.netloc)
    params = dict(acs_access_key_id=TEST_KEY.id, acs_secret_access_key=TEST_KEY.secret, security_token=None,
                  ecs_role_name=None, user_agent="Ansible-Provider-Alicloud")
    return footmark_ecs.connect_to_region(REGION, **params), footmark_vpc.connect_to_region(REGION, **params)


@pytest.fixture
def setup(make_cloud):
    """Set-up calls footmark has no part in (VPCs, vSwitches, HaVips), through the core SDK."""
    return make_cloud("core")


def network(setup: Cloud, cidr="172.16.0.0/16", vswitch_cidr="172.16.1.0/24"):
    vpc_id = setup.create_vpc(cidr)
    return vpc_id, setup.create_vswitch(vpc_id, vswitch_cidr)


def test_catalogue(footmark):
    ecs, _ = footmark
    assert REGION in [r.region_id for r in ecs.describe_regions()]
    zones = ecs.describe_zones()
    assert ZONE in [z.zone_id for z in zones]
    assert INSTANCE_TYPE in [t.instance_type_id for t in ecs.describe_instance_types()]
    images = ecs.describe_images(image_name="ubuntu_18_04_x64_20G_alibase_20200914.vhd")
    assert [i.image_id for i in images] == ["ubuntu_18_04_x64_20G_alibase_20200914.vhd"]


def test_security_group_with_rules(footmark, setup):
    """ali_security_group: create (then DescribeSecurityGroupAttribute), modify, rules in both directions,
    delete (which waits for InvalidSecurityGroupId.NotFound)."""
    ecs, _ = footmark
    vpc_id, _ = network(setup)
    assert ecs.describe_security_groups(vpc_id=vpc_id, security_group_name="fm-sg") == []
    group = ecs.create_security_group(vpc_id=vpc_id, security_group_name="fm-sg", description="by footmark",
                                      client_token="fm-sg-token")
    assert group.id.startswith("sg-") and group.vpc_id == vpc_id
    assert group.modify(name="fm-sg-2", description="changed")
    assert group.authorize({"ip_protocol": "tcp", "port_range": "22/22", "source_cidr_ip": "0.0.0.0/0", "priority": 1,
                            "policy": "accept"}, "ingress")
    assert ecs.authorize_security_group(security_group_id=group.id, ip_protocol="tcp", port_range="80/80",
                                        source_cidr_ip="0.0.0.0/0", priority=1, policy="accept", nic_type="intranet")
    assert ecs.authorize_security_group_egress(security_group_id=group.id, ip_protocol="all", port_range="-1/-1",
                                               dest_cidr_ip="0.0.0.0/0")
    read = ecs.describe_security_group_attribute(security_group_id=group.id)
    rules = read.permissions
    assert read.security_group_name == "fm-sg-2" and len(rules) == 3, rules
    assert {(r["direction"], r["port_range"]) for r in rules} == {("ingress", "22/22"), ("ingress", "80/80"), ("egress", "-1/-1")}
    assert ecs.revoke_security_group(security_group_id=group.id, ip_protocol="tcp", port_range="80/80",
                                     source_cidr_ip="0.0.0.0/0", nic_type="intranet")
    assert len(ecs.describe_security_group_attribute(security_group_id=group.id).permissions) == 2
    assert ecs.delete_security_group(security_group_id=group.id)
    assert ecs.describe_security_groups(vpc_id=vpc_id) == []


def test_instances_with_count_tag(footmark, setup):
    """ali_instance: look up by count_tag, create the missing ones, look up again (idempotency), read
    them (the RecursionError case: no public IP, no EIP), user data, modify, tags, disks, groups, the
    state changes, delete."""
    ecs, _ = footmark
    vpc_id, vswitch_id = network(setup)
    group = ecs.create_security_group(vpc_id=vpc_id, security_group_name="fm-node-sg")
    assert ecs.describe_instances(zone_id=ZONE, tags=COUNT_TAG) == []
    user_data = base64.b64encode(b"#!/bin/sh\necho hi").decode()
    created = ecs.create_instances(
        image_id=IMAGE_ID, instance_type=INSTANCE_TYPE, security_group_id=group.id, zone_id=ZONE,
        instance_name="fm-node", description="by footmark", internet_charge_type="PayByBandwidth",
        internet_max_bandwidth_out=0, internet_max_bandwidth_in=200, host_name="fm-host", password="Passw0rd!",
        io_optimized="optimized", system_disk_category="cloud_efficiency", system_disk_size=40, vswitch_id=vswitch_id,
        count=2, allocate_public_ip=False, instance_charge_type="PostPaid", period=1, period_unit="Month",
        auto_renew=False, auto_renew_period=None, key_pair_name=None, user_data=user_data, client_token="fm-inst",
        tags=COUNT_TAG)
    assert len(created) == 2
    run = ecs.run_instances(image_id=IMAGE_ID, instance_type=INSTANCE_TYPE, security_group_id=group.id,
                            vswitch_id=vswitch_id, instance_name="fm-run", host_name="fm-run-host",
                            description="by footmark run", amount=1, tags=COUNT_TAG)
    assert len(run) == 1 and run[0].status == "running"
    again = ecs.describe_instances(zone_id=ZONE, tags=COUNT_TAG)
    assert sorted(i.id for i in again) == sorted([i.id for i in created] + [run[0].id])
    first = created[0]
    assert (first.host_name, first.description, first.tags, first.status) == ("fm-host", "by footmark", COUNT_TAG, "stopped")
    assert first.public_ip_address == "" and first.vpc_id == vpc_id and first.vswitch_id == vswitch_id
    assert first.describe_user_data() == b"#!/bin/sh\necho hi"
    assert first.modify(name="fm-renamed", description="changed", host_name="fm-host-2")
    assert first.add_tags({"env": "test"})
    assert ecs.describe_instances(instance_ids=[first.id])[0].tags == {**COUNT_TAG, "env": "test"}
    assert first.remove_tags({"env": "test"})
    refreshed = ecs.describe_instances(instance_ids=[first.id])[0]
    assert (refreshed.name, refreshed.description, refreshed.host_name, refreshed.tags) == (
        "fm-renamed", "changed", "fm-host-2", COUNT_TAG)
    assert refreshed.read()["id"] == first.id
    disks = ecs.describe_disks(instance_id=first.id)
    assert [(d.instance_id, d.category, d.size) for d in disks] == [(first.id, "cloud_efficiency", 40)]
    other = ecs.create_security_group(vpc_id=vpc_id, security_group_name="fm-other")
    assert ecs.join_security_group(instance_id=first.id, security_group_id=other.id)
    assert ecs.leave_security_group(instance_id=first.id, security_group_id=other.id)
    assert ecs.start_instances(instance_ids=[first.id])
    assert ecs.stop_instances(instance_ids=[first.id], force_stop=False)
    assert ecs.start_instances(instance_ids=[first.id])
    assert ecs.reboot_instances(instance_ids=[first.id], force_stop=False)
    assert ecs.describe_instances(instance_ids=[first.id])[0].status == "running"
    assert ecs.delete_instances(instance_ids=[i.id for i in again], force=True)
    assert ecs.describe_instances(zone_id=ZONE, tags=COUNT_TAG) == []


def test_network_interfaces(footmark, setup):
    """ali_eni: create (then waits Available), attach (waits InUse), detach (waits Available), modify, delete."""
    ecs, _ = footmark
    vpc_id, vswitch_id = network(setup)
    group = ecs.create_security_group(vpc_id=vpc_id, security_group_name="fm-eni-sg")
    instance = ecs.run_instances(image_id=IMAGE_ID, instance_type=INSTANCE_TYPE, security_group_id=group.id,
                                 vswitch_id=vswitch_id, amount=1)[0]
    eni = ecs.create_network_interface(vswitch_id=vswitch_id, security_group_id=group.id, network_interface_name="fm-eni",
                                       description="by footmark", primary_ip_address="172.16.1.50")
    assert eni.status == "available" and eni.private_ip_address == "172.16.1.50"
    assert [e.id for e in ecs.describe_network_interfaces(vswitch_id=vswitch_id) if e.type.lower() == "secondary"] == [eni.id]
    assert ecs.attach_network_interface(network_interface_id=eni.id, instance_id=instance.id)
    assert ecs.detach_network_interface(network_interface_id=eni.id, instance_id=instance.id)
    assert ecs.modify_network_interface_attribute(network_interface_id=eni.id, description="changed")
    assert ecs.describe_network_interfaces(network_interface_ids=[eni.id])[0].description == "changed"
    assert ecs.delete_network_interface(network_interface_id=eni.id)


def test_eips_on_an_instance_and_a_havip(footmark, setup):
    """ali_eip: allocate, associate with an instance (footmark shows it as the public address), then with a
    HaVip (footmark picks InstanceType=HaVip from the ID), unassociate, release."""
    ecs, vpcs = footmark
    vpc_id, vswitch_id = network(setup)
    group = ecs.create_security_group(vpc_id=vpc_id, security_group_name="fm-eip-sg")
    instance = ecs.run_instances(image_id=IMAGE_ID, instance_type=INSTANCE_TYPE, security_group_id=group.id,
                                 vswitch_id=vswitch_id, amount=1)[0]
    eip = vpcs.allocate_eip_address(bandwidth=1, internet_charge_type="PayByTraffic", instance_charge_type="PostPaid",
                                    name="fm-eip")
    assert eip.associate(instance.id)
    shown = ecs.describe_instances(instance_ids=[instance.id])[0]
    assert shown.public_ip_address == eip.ip_address
    assert vpcs.unassociate_eip_address(allocation_id=eip.id, instance_id=instance.id)
    havip = setup.create_havip(vswitch_id, IpAddress="172.16.1.100")["HaVipId"]
    setup.associate(havip, instance.id)
    assert eip.associate(havip)
    assert [e.instance_id for e in vpcs.describe_eip_addresses(allocation_id=eip.id)] == [havip]
    assert vpcs.unassociate_eip_address(allocation_id=eip.id, instance_id=havip, instance_type="HaVip")
    assert vpcs.release_eip_address(allocation_id=eip.id)


def test_vpc_and_vswitch(footmark):
    """ali_vpc and ali_vswitch: create (each waits with its Describe*Attribute), modify, delete."""
    _, vpcs = footmark
    vpc = vpcs.create_vpc(vpc_name="fm-vpc", cidr_block="172.16.0.0/16", description="by footmark", client_token="fm-vpc")
    assert vpcs.modify_vpc_attribute(vpc_id=vpc.id, description="changed")
    vswitch = vpcs.create_vswitch(vpc_id=vpc.id, cidr_block="172.16.1.0/24", zone_id=ZONE, vswitch_name="fm-vsw")
    assert vpcs.modify_vswitch_attribute(vswitch_id=vswitch.id, description="changed")
    assert vpcs.delete_vswitch(vswitch_id=vswitch.id) and vpcs.delete_vpc(vpc_id=vpc.id)


def test_route_entry_to_a_havip_and_eip_modify(footmark, setup):
    """ali_route_entry with a HaVip next hop, and Eip.modify."""
    ecs, vpcs = footmark
    vpc_id, vswitch_id = network(setup)
    havip = setup.create_havip(vswitch_id)["HaVipId"]
    # DescribeRouteTables takes no VpcId (footmark would pass it and get every table): the module is given the
    # VPC's route_table_id, as Terraform's alicloud_vpc exposes it.
    table_id = setup.call("DescribeRouteTableList", VpcId=vpc_id)["RouterTableList"]["RouterTableListType"][0]["RouteTableId"]
    [table] = vpcs.describe_route_tables(route_table_id=table_id)
    assert table.route_table_id == table_id
    entry = vpcs.create_route_entry(route_table_id=table_id, destination_cidrblock="10.99.0.0/16",
                                    nexthop_type="HaVip", nexthop_id=havip)
    assert entry and entry.status == "Available"
    assert vpcs.delete_route_entry(route_table_id=table_id, destination_cidrblock="10.99.0.0/16", nexthop_id=havip)
    assert vpcs.get_route_entry_attribute(route_table_id=table_id, destination_cidrblock="10.99.0.0/16") is None
    eip = vpcs.allocate_eip_address(bandwidth=1, internet_charge_type="PayByTraffic", name="fm-eip")
    assert eip.modify(bandwidth=2, name="fm-eip-2", description="changed")
