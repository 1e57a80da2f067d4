"""Three havip nodes on one PostgreSQL database behave as one cloud: 8 client threads spread over the
nodes run 2,000 mixed operations with ClientTokens and retries; afterwards every invariant holds."""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections import Counter

import pytest

from .cloud import IMAGE_ID, INSTANCE_TYPE, REGION, ZONE, Cloud, poll
from .multinode import needs_postgres, start_nodes
from .raw import RawClient, v1_request
from .sdk import ApiError, make_path
from .server import TEST_KEY

pytestmark = needs_postgres

THREADS = 8
OPERATIONS = 2000
# Refusals the rules allow when threads race on the same HaVip or instance.
EXPECTED_REFUSALS = {
    "IncorrectHaVipStatus", "IncorrectStatus", "InvalidAssociation.Duplicated", "ResourceNotAssociated",
    "InvalidHaVipId.NotFound", "CountLimitExceeded.HaVipOnECSInstance", "CountLimitExceed.HaVipOnInstance",
    "Forbidden.UnassociateMaster", "QuotaExceeded.PrivateIpAddress",
}


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    started = start_nodes(tmp_path_factory.mktemp("multinode"), 3, ["--transition-delay", "0.05", "--max-havips-per-instance", "1000"])
    yield started
    for node in started:
        assert node.stop() == 0, node.log_text()


def client(node, product="vpc"):
    return make_path("tea_v3", node.endpoint, product=product, key=TEST_KEY)


def call_with_retries(path, action, **params):
    """Retries what a real client retries (5xx, ServiceUnavailable), with the same ClientToken."""
    for attempt in range(6):
        try:
            return path.call(action, **params)
        except ApiError as error:
            if error.status is not None and error.status >= 500 and attempt < 5:
                time.sleep(0.05 * (attempt + 1))
                continue
            raise


def test_nodes_share_one_state_under_concurrent_mixed_load(nodes):
    vpc0, ecs0 = client(nodes[0]), client(nodes[0], "ecs")
    vpc_id = vpc0.call("CreateVpc", RegionId=REGION, CidrBlock="10.0.0.0/16").body["VpcId"]
    vswitch_id = vpc0.call("CreateVSwitch", RegionId=REGION, VpcId=vpc_id, ZoneId=ZONE, CidrBlock="10.0.0.0/22").body["VSwitchId"]
    sg_id = ecs0.call("CreateSecurityGroup", RegionId=REGION, VpcId=vpc_id).body["SecurityGroupId"]
    instances = ecs0.call(
        "RunInstances", RegionId=REGION, ImageId=IMAGE_ID, InstanceType=INSTANCE_TYPE, SecurityGroupId=sg_id,
        VSwitchId=vswitch_id, Amount=6).body["InstanceIdSets"]["InstanceIdSet"]

    lock = threading.Lock()
    created, deleted, failures = set(), set(), []
    outcomes = Counter()

    def worker(index: int) -> None:
        rng = random.Random(index)
        vpc = client(nodes[index % len(nodes)])
        for _ in range(OPERATIONS // THREADS):
            with lock:
                known = sorted(created - deleted)
            op = rng.choice(["create", "create", "associate", "associate", "unassociate", "modify", "delete", "describe"])
            try:
                if op == "create" or not known:
                    op = "create"
                    token = uuid.uuid4().hex
                    first = call_with_retries(vpc, "CreateHaVip", RegionId=REGION, VSwitchId=vswitch_id, ClientToken=token)
                    again = call_with_retries(vpc, "CreateHaVip", RegionId=REGION, VSwitchId=vswitch_id, ClientToken=token)
                    assert again.body["HaVipId"] == first.body["HaVipId"], "a ClientToken retry created a second HaVip"
                    with lock:
                        created.add(first.body["HaVipId"])
                elif op == "associate":
                    call_with_retries(vpc, "AssociateHaVip", RegionId=REGION, HaVipId=rng.choice(known),
                                      InstanceId=rng.choice(instances), ClientToken=uuid.uuid4().hex)
                elif op == "unassociate":
                    call_with_retries(vpc, "UnassociateHaVip", RegionId=REGION, HaVipId=rng.choice(known),
                                      InstanceId=rng.choice(instances), Force="True", ClientToken=uuid.uuid4().hex)
                elif op == "modify":
                    call_with_retries(vpc, "ModifyHaVipAttribute", RegionId=REGION, HaVipId=rng.choice(known), Name=f"n{index}")
                elif op == "delete":
                    target = rng.choice(known)
                    call_with_retries(vpc, "DeleteHaVip", RegionId=REGION, HaVipId=target)
                    with lock:
                        deleted.add(target)
                else:
                    call_with_retries(vpc, "DescribeHaVips", RegionId=REGION, PageSize=50)
                outcomes[op, "ok"] += 1
            except ApiError as error:
                if error.code in EXPECTED_REFUSALS:
                    outcomes[op, error.code] += 1
                else:
                    failures.append(f"{op}: {error}")
            except Exception as error:  # noqa: BLE001 - any other failure fails the test below
                failures.append(f"{op}: {error!r}")

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print("outcomes:", dict(outcomes))
    assert not failures, failures[:10]
    assert sum(outcomes.values()) == OPERATIONS

    # Every node settles to the same final state: no HaVip left in a transitional status.
    def all_havips(node):
        """This test's HaVips (its vSwitch: the database may hold other tests' HaVips of the same account)."""
        items, page = [], 1
        while True:
            body = client(node).call("DescribeHaVips", RegionId=REGION, PageSize=50, PageNumber=page,
                                     Filter=[{"Key": "VSwitchId", "Value": [vswitch_id]}]).body
            items += body["HaVips"]["HaVip"]
            if page * 50 >= body["TotalCount"]:
                return items
            page += 1

    transitional = {"Creating", "Associating", "Unassociating", "Deleting"}
    final = poll(lambda: (lambda havips: havips if not any(h["Status"] in transitional for h in havips) else None)(all_havips(nodes[1])),
                 "every transition to finish", timeout=20)
    for node in nodes:
        assert sorted(h["HaVipId"] for h in all_havips(node)) == sorted(h["HaVipId"] for h in final)

    ids = {h["HaVipId"] for h in final}
    assert ids == created - deleted, "an acknowledged create is missing or an acknowledged delete is back"
    addresses = [h["IpAddress"] for h in final]
    assert len(addresses) == len(set(addresses)), "an address was handed out twice"
    for havip in final:
        members = havip["AssociatedInstances"]["associatedInstance"]
        assert len(members) <= 10 and len(members) == len(set(members))
        assert (havip["Status"] == "InUse") == bool(members), havip
        assert (havip["MasterInstanceId"] in members) if members else havip["MasterInstanceId"] == ""

    vswitch = client(nodes[2]).call("DescribeVSwitches", RegionId=REGION, VSwitchId=vswitch_id).body["VSwitches"]["VSwitch"][0]
    usable = 1024 - 4
    assert vswitch["AvailableIpAddressCount"] == usable - len(final) - len(instances), "addresses leaked or double-counted"


def test_a_nonce_used_on_one_node_is_refused_on_another(nodes, monkeypatch):
    first, second = client(nodes[0]), client(nodes[1])
    first.freeze_nonce(monkeypatch, uuid.uuid4().hex)
    first.call("DescribeRegions")
    with pytest.raises(ApiError) as refused:
        second.call("DescribeRegions")
    assert (refused.value.code, refused.value.status) == ("SignatureNonceUsed", 400)


def test_a_create_replayed_on_another_node_and_after_a_restart_is_refused_and_creates_nothing(nodes):
    """The same V1-signed bytes sent to a second node, and again after that node restarts: refused each time."""
    setup = Cloud("tea_v3", nodes[0].endpoint)
    net = setup.build(instances=0)
    create = v1_request("CreateHaVip", {"RegionId": REGION, "VSwitchId": net.vswitch_id})
    first = RawClient(nodes[0].endpoint).send(create)
    assert first.status == 200, first
    for attempt in ("another node", "after its restart"):
        if attempt == "after its restart":
            nodes[1].restart()
        replayed = RawClient(nodes[1].endpoint).send(create)
        assert replayed.status == 400, (attempt, replayed)
        assert replayed.json()["Code"] == "SignatureNonceUsed", (attempt, replayed)
    assert setup.havip_ids({"VSwitchId": net.vswitch_id}) == [first.json()["HaVipId"]]
