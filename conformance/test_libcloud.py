"""apache-libcloud 3.9.1's Aliyun ECS driver against havip: the compute workflow, each call through
libcloud's own request building, V1 signing (GET, XML answers) and parsing.

Pointing libcloud at havip needs no patch: the driver takes ``secure``, ``host`` and ``port``
(docs/clients.md). libcloud cannot make VPCs or vSwitches, and the groups it makes have no VPC (it
cannot send ``VpcId``): those are classic-network groups, which nothing in a vSwitch can use, so the
node is launched with a VPC group made through the core SDK (docs/compatibility.md).
"""

from __future__ import annotations

import pytest

ecs_driver = pytest.importorskip("libcloud.compute.drivers.ecs")
from libcloud.common.exceptions import BaseHTTPError  # noqa: E402
from libcloud.compute.types import NodeState  # noqa: E402

from .cloud import IMAGE_ID, INSTANCE_TYPE, REGION, ZONE, Cloud  # noqa: E402
from .server import TEST_KEY  # noqa: E402


@pytest.fixture
def driver(cloud_endpoint):
    return driver_for(cloud_endpoint)


def driver_for(endpoint, region=REGION, secret=TEST_KEY.secret):
    return ecs_driver.ECSDriver(TEST_KEY.id, secret, secure=False, host=endpoint.host, port=endpoint.port, region=region)


@pytest.fixture
def setup(make_cloud) -> Cloud:
    """What libcloud cannot make (a VPC, a vSwitch, a VPC security group), through the core SDK."""
    return make_cloud("core")


def test_catalogue(driver):
    locations = driver.list_locations()
    assert REGION in [location.id for location in locations]
    assert ZONE in [zone.id for zone in driver.ex_list_zones()]
    images = driver.list_images()
    assert IMAGE_ID in [image.id for image in images]
    assert [image.id for image in driver.list_images(ex_image_ids=[IMAGE_ID])] == [IMAGE_ID]
    sizes = {size.id: size for size in driver.list_sizes()}
    assert sizes[INSTANCE_TYPE].ram == 8.0 and sizes[INSTANCE_TYPE].extra["cpu_core_count"] == 2


def test_security_groups(driver, setup):
    """A group libcloud makes has no VPC; its attributes are read and changed through libcloud."""
    group_id = driver.ex_create_security_group(description="libcloud group")
    assert group_id in [group.id for group in driver.ex_list_security_groups()]
    setup.call("AuthorizeSecurityGroup", SecurityGroupId=group_id, IpProtocol="tcp", PortRange="22/22",
               SourceCidrIp="0.0.0.0/0", NicType="internet")
    attributes = driver.ex_list_security_group_attributes(group_id=group_id, nic_type="internet")
    assert [(a.ip_protocol, a.port_range, a.policy) for a in attributes] == [("TCP", "22/22", "Accept")]
    assert driver.ex_modify_security_group_by_id(group_id=group_id, name="renamed", description="new words")
    listed = {group.id: group for group in driver.ex_list_security_groups()}
    assert (listed[group_id].name, listed[group_id].description, listed[group_id].vpc_id) == ("renamed", "new words", "")
    assert driver.ex_delete_security_group_by_id(group_id=group_id)


def test_node_lifecycle_in_a_vswitch(driver, setup):
    vpc_id = setup.create_vpc("192.168.0.0/16")
    vswitch_id = setup.create_vswitch(vpc_id, "192.168.1.0/24")
    group_id = setup.create_security_group(vpc_id)
    image = driver.list_images(ex_image_ids=[IMAGE_ID])[0]
    size = next(size for size in driver.list_sizes() if size.id == INSTANCE_TYPE)
    node = driver.create_node(
        name="libcloud-node", size=size, image=image, ex_security_group_id=group_id, ex_description="made by libcloud",
        ex_hostname="lc-host", ex_vswitch_id=vswitch_id, ex_private_ip_address="192.168.1.10",
        ex_internet_charge_type="PayByTraffic", ex_internet_max_bandwidth_out=1, ex_system_disk={"category": "cloud_essd"},
        ex_client_token="libcloud-token-1")
    assert node.state == NodeState.RUNNING or driver.list_nodes(ex_node_ids=[node.id])[0].state == NodeState.RUNNING
    listed = driver.list_nodes(ex_node_ids=[node.id])[0]
    assert (listed.name, listed.private_ips, listed.extra["hostname"], listed.extra["description"]) == (
        "libcloud-node", ["192.168.1.10"], "lc-host", "made by libcloud")
    assert listed.extra["vpc_attributes"]["vswitch_id"] == vswitch_id
    assert [n.id for n in driver.list_nodes(ex_filters={"VpcId": vpc_id})] == [node.id]
    assert driver.reboot_node(node)
    assert driver.ex_stop_node(node) and driver.list_nodes(ex_node_ids=[node.id])[0].state == NodeState.STOPPED
    assert driver.ex_start_node(node)
    other = setup.create_security_group(vpc_id)
    assert driver.ex_join_security_group(node, group_id=other)
    assert driver.ex_leave_security_group(node, group_id=other)
    volumes = driver.list_volumes(ex_filters={"InstanceId": node.id})
    assert [(v.size, v.extra["category"], v.extra["instance_id"]) for v in volumes] == [(40, "cloud_essd", node.id)]
    assert node.id in [v.extra["instance_id"] for v in driver.list_volumes()]
    assert driver.destroy_node(node)
    assert driver.list_nodes(ex_node_ids=[node.id]) == []
    assert driver.list_volumes(ex_filters={"InstanceId": node.id}) == []


def test_errors_reach_libcloud(cloud_endpoint):
    with pytest.raises(BaseHTTPError) as unknown_region:
        driver_for(cloud_endpoint, region="xx-nowhere-1").list_nodes()
    assert "InvalidRegionId.NotFound" in str(unknown_region.value)
    with pytest.raises(BaseHTTPError) as wrong_secret:
        driver_for(cloud_endpoint, secret="wrong").list_nodes()
    assert "SignatureDoesNotMatch" in str(wrong_secret.value)
