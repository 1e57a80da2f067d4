"""The HaVip status machine with a real delay (a server with ``--transition-delay 1``):
``Creating → Available``, ``Associating → InUse``, ``Unassociating → InUse | Available``,
``Deleting → gone``, and what is refused while a transition runs.

Timing is checked without fixed sleeps: a transition that starts when a call is answered is
due one second after the server received it, so anything answered before ``sent + 1 s``
(``Clock.early``) must still show the transitional status, and the target status can only be
seen once ``sent + 1 s`` has passed. A run so slow that a step takes over a second is reported
as skipped rather than guessed at."""

from __future__ import annotations

import time

import pytest

from .cloud import Cloud
from .expect import E

DELAY = 1.0


@pytest.fixture
def slow_cloud(make_cloud, path, servers) -> Cloud:
    return make_cloud(path, servers.shared("--transition-delay", str(int(DELAY))))


class Clock:
    """When the call that started a transition was sent (the server's clock is the same wall clock)."""

    def __init__(self):
        self.sent = time.time()

    def early(self) -> bool:
        """Still before the transition can possibly be due."""
        return time.time() < self.sent + DELAY

    def require_early(self, what: str) -> None:
        if not self.early():
            pytest.skip(f"{what} took over {DELAY} s: too slow to observe the transitional status")

    def assert_due(self) -> None:
        assert time.time() >= self.sent + DELAY, "a transition finished before its delay"


def status(cloud: Cloud, havip_id: str) -> str:
    item = cloud.havip(havip_id)
    return item["Status"] if item else "(gone)"


@pytest.mark.parametrize("path", ["tea_v3", "core"])
def test_create_associate_unassociate_delete(slow_cloud):
    cloud = slow_cloud
    net = cloud.build(instances=2)
    first, second = net.instance_ids

    clock = Clock()
    havip_id = cloud.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    seen = status(cloud, havip_id)
    clock.require_early("CreateHaVip + DescribeHaVips")
    assert seen == "Creating"
    assert cloud.havip_ids({"VSwitchId": net.vswitch_id, "Status": "Creating"}) == [havip_id]
    cloud.wait_havip(havip_id, "Available")
    clock.assert_due()

    clock = Clock()
    cloud.associate(havip_id, first, wait=False)
    seen = status(cloud, havip_id)
    clock.require_early("AssociateHaVip + DescribeHaVips")
    assert seen == "Associating"
    cloud.wait_havip(havip_id, "InUse")
    clock.assert_due()

    cloud.associate(havip_id, second)
    clock = Clock()
    cloud.unassociate(havip_id, second)
    seen = status(cloud, havip_id)
    clock.require_early("UnassociateHaVip + DescribeHaVips")
    assert seen == "Unassociating"
    item = cloud.wait_havip(havip_id, "InUse")  # the first instance remains
    clock.assert_due()
    assert item["AssociatedInstances"] == {"associatedInstance": [first]}, item

    clock = Clock()
    cloud.unassociate(havip_id, first)
    seen = status(cloud, havip_id)
    clock.require_early("UnassociateHaVip + DescribeHaVips")
    assert seen == "Unassociating"
    cloud.wait_havip(havip_id, "Available")  # none remains
    clock.assert_due()

    clock = Clock()
    cloud.call("DeleteHaVip", HaVipId=havip_id)
    seen = status(cloud, havip_id)
    clock.require_early("DeleteHaVip + DescribeHaVips")
    assert seen == "Deleting"
    cloud.wait_havip_gone(havip_id)
    clock.assert_due()
    cloud.fails(E.HAVIP_NOT_FOUND, "DeleteHaVip", HaVipId=havip_id)


@pytest.mark.parametrize("path", ["tea_v1"])
def test_second_association_while_associating(slow_cloud):
    cloud = slow_cloud
    net = cloud.build(instances=2)
    first, second = net.instance_ids
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    clock = Clock()
    cloud.associate(havip_id, first, wait=False)
    err = cloud.error("AssociateHaVip", HaVipId=havip_id, InstanceId=second)
    clock.require_early("two AssociateHaVip calls")
    assert (err.status, err.code, err.message) == (E.HAVIP_ASSOCIATE_STATUS.status, E.HAVIP_ASSOCIATE_STATUS.code,
                                                   E.HAVIP_ASSOCIATE_STATUS.message), err
    item = cloud.wait_havip(havip_id, "InUse")
    assert item["AssociatedInstances"] == {"associatedInstance": [first]}, item
    cloud.associate(havip_id, second)  # now it can


@pytest.mark.parametrize("path", ["tea_v3"])
def test_refused_while_a_transition_runs(slow_cloud):
    cloud = slow_cloud
    net = cloud.build(instances=1)
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    eip_id, _ = cloud.allocate_eip()

    clock = Clock()
    cloud.associate(havip_id, net.instance_ids[0], wait=False)
    refusals = [
        (E.HAVIP_UNASSOCIATE_STATUS, "UnassociateHaVip", dict(HaVipId=havip_id, InstanceId=net.instance_ids[0])),
        (E.HAVIP_DELETE_STATUS, "DeleteHaVip", dict(HaVipId=havip_id)),
        (E.HAVIP_MODIFY_STATUS, "ModifyHaVipAttribute", dict(HaVipId=havip_id, Name="x")),
        (E.HAVIP_ASSOCIATE_STATUS, "AssociateEipAddress",
         dict(AllocationId=eip_id, InstanceId=havip_id, InstanceType="HaVip")),
    ]
    errors = [(expected, cloud.error(action, **params)) for expected, action, params in refusals]
    clock.require_early("four refused calls")
    for expected, err in errors:
        assert (err.status, err.code, err.message) == (expected.status, expected.code, expected.message), err
    cloud.wait_havip(havip_id, "InUse")

    cloud.unassociate(havip_id, net.instance_ids[0], wait="Available")
    clock = Clock()
    cloud.call("DeleteHaVip", HaVipId=havip_id)
    err = cloud.error("AssociateHaVip", HaVipId=havip_id, InstanceId=net.instance_ids[0])
    clock.require_early("DeleteHaVip + AssociateHaVip")
    assert (err.code, err.message) == (E.HAVIP_ASSOCIATE_STATUS.code, E.HAVIP_ASSOCIATE_STATUS.message), err
    cloud.wait_havip_gone(havip_id)


@pytest.mark.parametrize("path", ["core"])
def test_an_instance_deleted_while_associating(slow_cloud):
    """The association goes with the instance: the HaVip is left Available, not stuck."""
    cloud = slow_cloud
    net = cloud.build(instances=1)
    havip_id = cloud.create_havip(net.vswitch_id)["HaVipId"]
    cloud.associate(havip_id, net.instance_ids[0], wait=False)
    cloud.call("DeleteInstance", InstanceId=net.instance_ids[0], Force=True)
    item = cloud.wait_havip(havip_id, "Available")
    assert (item["MasterInstanceId"], item["AssociatedInstances"]) == ("", {"associatedInstance": []}), item
