"""The control API under ``/_havip/`` (docs/controls.md) driven beside the official SDKs: faults the SDKs
raise exactly, manual transitions, failover, snapshots, reset, worlds, the request journal. Through
several nodes (``scripts/with-cluster``), faults and transitions set through one node hold on the
others; each node keeps its own journal."""

from __future__ import annotations

import time
import uuid
from typing import Any, Dict, List

import pytest
import requests

from .cloud import REGION, ZONE, Cloud, poll, unique
from .control import FAULT_PROPAGATION_BOUND, Control, ControlError, cluster_nodes, settle_faults
from .expect import Err
from .sdk import PATHS, ApiError
from .server import OTHER_KEY, TEST_KEY, AccessKey, Endpoint

THROTTLING = {"code": "Throttling.User", "status": 400, "message": "Request was denied due to user flow control."}
THROTTLED = Err(400, "Throttling.User", "Request was denied due to user flow control.")
UNAVAILABLE = Err(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.")


@pytest.fixture
def control(havip) -> Control:
    return Control(havip)


@pytest.fixture(autouse=True)
def leave_controls_as_found(havip):
    """Every test leaves no fault behind and the transition mode as it found it."""
    control = Control(havip)
    mode = control.transitions()
    yield
    control.clear_faults()
    control.set_transitions(mode)
    settle_faults()


@pytest.fixture
def node(havip) -> Endpoint:
    """One node: the first behind the balancer, else the server itself (a journal is per node)."""
    nodes = cluster_nodes()
    return nodes[0] if nodes else havip


def world_document(account: str = TEST_KEY.account, **havip: Any) -> Dict[str, Any]:
    """A VPC (unique name) with one vSwitch, two instances and a HaVip associated with both."""
    return {"account": account, "region": REGION, "vpcs": [{
        "name": unique("prod"), "cidr": "10.0.0.0/16", "vswitches": [{
            "name": unique("a"), "zone": ZONE, "cidr": "10.0.1.0/24",
            "instances": [{"name": unique("web1")}, {"name": unique("web2")}],
            "havips": [{"name": unique("vip"), **havip}]}]}]}


def made(ids: Dict[str, Dict[str, str]], kind: str) -> List[str]:
    return list(ids[kind].values())


# ------------------------------------------------------------------------------ faults


@pytest.mark.parametrize("path", PATHS)
def test_a_fault_makes_the_sdk_raise_exactly_its_error_and_the_request_changes_nothing(make_cloud, control, path):
    cloud = make_cloud(path)
    net = cloud.build(instances=1)
    havip = cloud.create_havip(net.vswitch_id)["HaVipId"]
    control.add_fault(action="AssociateHaVip", account=TEST_KEY.account, error=THROTTLING)
    settle_faults()
    cloud.fails(THROTTLED, "AssociateHaVip", HaVipId=havip, InstanceId=net.instance_ids[0])
    item = cloud.havip(havip)
    assert (item["Status"], item["AssociatedInstances"]["associatedInstance"]) == ("Available", [])

    control.clear_faults()
    control.add_fault(action="AssociateHaVip", account=TEST_KEY.account, error={"code": "ServiceUnavailable"})
    settle_faults()
    cloud.fails(UNAVAILABLE, "AssociateHaVip", HaVipId=havip, InstanceId=net.instance_ids[0])
    control.add_fault(action="CreateVpc", error={"code": "Made.Up", "status": 409, "message": "Any error a test asks for."})
    settle_faults()
    before = cloud.call("DescribeVpcs", PageSize=1)["TotalCount"]
    cloud.fails(Err(409, "Made.Up", "Any error a test asks for."), "CreateVpc", CidrBlock="10.0.0.0/16")
    assert cloud.call("DescribeVpcs", PageSize=1)["TotalCount"] == before


def test_a_counted_fault_expires_after_that_many_hits(make_cloud, control):
    cloud = make_cloud("tea_v3")
    fault = control.add_fault(action="CreateVpc", account=TEST_KEY.account, count=2, error=THROTTLING)
    assert (fault["count"], fault["hits"]) == (2, 0)
    settle_faults()
    before = cloud.call("DescribeVpcs", PageSize=1)["TotalCount"]
    cloud.fails(THROTTLED, "CreateVpc", CidrBlock="10.0.0.0/16")
    assert [f["hits"] for f in control.faults()] == [1]
    cloud.fails(THROTTLED, "CreateVpc", CidrBlock="10.0.0.0/16")
    assert control.faults() == []
    assert cloud.call("DescribeVpcs", PageSize=1)["TotalCount"] == before
    cloud.create_vpc("10.0.0.0/16")
    assert cloud.call("DescribeVpcs", PageSize=1)["TotalCount"] == before + 1


def test_actions_match_star_globs_and_a_fault_can_aim_at_one_account(make_cloud, control):
    mine, theirs = make_cloud("tea_v3"), make_cloud("tea_v3", key=OTHER_KEY)
    control.add_fault(action="Describe*", account=OTHER_KEY.account, error=THROTTLING)
    control.add_fault(action="*SecurityGroup*", account=OTHER_KEY.account, error={"code": "ServiceUnavailable"})
    settle_faults()
    theirs.fails(THROTTLED, "DescribeVpcs")
    theirs.fails(THROTTLED, "DescribeHaVips")
    theirs.fails(UNAVAILABLE, "CreateSecurityGroup", VpcId="vpc-none")
    theirs.create_vpc("10.0.0.0/16")
    mine.call("DescribeVpcs")
    mine.call("DescribeHaVips")


def test_a_latency_fault_slows_requests_down_without_failing_them(make_cloud, control):
    cloud = make_cloud("tea_v3")
    control.add_fault(action="DescribeZones", account=TEST_KEY.account, latencyMs=600)
    settle_faults()
    started = time.monotonic()
    cloud.call("DescribeZones")
    assert time.monotonic() - started >= 0.6
    started = time.monotonic()
    cloud.call("DescribeRegions", RegionId=None)
    assert time.monotonic() - started < 0.6


def test_the_old_sdks_retries_get_through_a_counted_fault(make_cloud, control, node):
    """aliyun-python-sdk-core retries ServiceUnavailable on ECS DescribeInstances: two faulted answers,
    then the real one, as the journal shows."""
    cloud = make_cloud("core", endpoint=node)
    control.add_fault(action="DescribeInstances", account=TEST_KEY.account, count=2, error={"code": "ServiceUnavailable"})
    settle_faults()
    cloud.call("DescribeInstances")
    statuses = [entry["status"] for entry in Control(node).requests(action="DescribeInstances", account=TEST_KEY.account, limit=3)]
    assert statuses == [503, 503, 200]


def test_bad_faults_are_refused(control):
    for rule in [{"action": "X"}, {"error": THROTTLING}, {"action": "X", "latencyMs": 1, "unknown": 1},
                 {"action": "X", "error": {"code": "X"}}, {"action": "X", "count": 0, "error": THROTTLING},
                 {"action": "X", "probability": 2, "error": THROTTLING}]:
        error = control.refused("POST", "faults", rule)
        assert (error.status, error.code) == (400, "InvalidBody"), rule
    assert control.faults() == []
    assert (control.refused("DELETE", "faults/fault-nope").status, "NotFound") == (404, "NotFound")


def test_faults_and_snapshots_kept_in_the_store_survive_a_restart(fresh_server, make_cloud):
    server = fresh_server()
    control = Control(server.endpoint)
    control.add_fault(action="DescribeVpcs", error=THROTTLING)
    control.save("kept")
    control.set_transitions({"mode": "manual"})
    server.restart()
    make_cloud("tea_v3", endpoint=server.endpoint).fails(THROTTLED, "DescribeVpcs")  # from the first request on
    assert [s["name"] for s in control.ok("GET", "snapshots")["snapshots"]] == ["kept"]
    assert control.transitions() == {"mode": "manual"}
    assert [entry["action"] for entry in control.requests()] == ["DescribeVpcs"]  # the journal starts empty


# ------------------------------------------------------------------------- transitions


def test_manual_transitions_hold_a_havip_in_associating_until_stepped(make_cloud, control):
    cloud = make_cloud("tea_v3")
    net = cloud.build(instances=1)
    assert control.set_transitions({"mode": "manual"}) == {"mode": "manual"}
    assert control.transitions() == {"mode": "manual"}
    havip = cloud.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    time.sleep(0.5)
    assert cloud.havip(havip)["Status"] == "Creating"
    assert control.step() >= 1
    assert cloud.havip(havip)["Status"] == "Available"
    cloud.associate(havip, net.instance_ids[0], wait=False)
    time.sleep(0.5)
    assert cloud.havip(havip)["Status"] == "Associating"
    cloud.fails(Err(400, "IncorrectHaVipStatus", "HaVip can be operated by this action only when it's status is Available or InUse."),
                "AssociateHaVip", HaVipId=havip, InstanceId=net.instance_ids[0])
    assert control.step() >= 1
    item = cloud.havip(havip)
    assert (item["Status"], item["MasterInstanceId"]) == ("InUse", net.instance_ids[0])
    # Back to a delay: what is held gets it from now.
    cloud.unassociate(havip, net.instance_ids[0])
    assert cloud.havip(havip)["Status"] == "Unassociating"
    control.set_transitions({"mode": "delay", "seconds": 0.3})
    cloud.wait_havip(havip, "Available", timeout=5)
    for bad in [{"mode": "later"}, {"mode": "delay"}, {"mode": "delay", "seconds": -1}]:
        assert control.refused("PUT", "transitions", bad).status == 400


# ---------------------------------------------------------------------------- failover


@pytest.mark.parametrize("path", PATHS)
def test_after_failover_describe_havips_shows_the_new_master(make_cloud, control, path):
    cloud = make_cloud(path)
    document = world_document()
    vswitch = document["vpcs"][0]["vswitches"][0]
    web1, web2 = (instance["name"] for instance in vswitch["instances"])
    vswitch["havips"][0]["associate"] = [web1, web2]
    ids = control.world(document)
    havip, (first, second) = made(ids, "havips")[0], (ids["instances"][web1], ids["instances"][web2])
    assert cloud.havip(havip)["MasterInstanceId"] == first
    assert control.failover(havip, second) == {"haVipId": havip, "masterInstanceId": second}
    assert cloud.havip(havip)["MasterInstanceId"] == second

    cloud.call("StopInstance", InstanceId=first)
    assert cloud.havip(havip)["MasterInstanceId"] == second
    error = control.refused("POST", f"havips/{havip}/failover", {"to": first})
    assert (error.status, error.code) == (400, "IncorrectInstanceStatus")
    error = control.refused("POST", f"havips/{havip}/failover", {"to": "i-notassociated0000000000"})
    assert (error.status, error.code) == (400, "ResourceNotAssociated")
    error = control.refused("POST", "havips/havip-doesnotexist000000000/failover", {"to": second})
    assert (error.status, error.code) == (404, "InvalidHaVipId.NotFound")
    assert cloud.havip(havip)["MasterInstanceId"] == second


# --------------------------------------------------------------- snapshots, reset, worlds


def everything(cloud: Cloud) -> Dict[str, List[Dict[str, Any]]]:
    """Every resource of the cloud's account as the SDK lists it, page by page (RequestIds left out)."""
    lists = {"DescribeVpcs": ("Vpcs", "Vpc"), "DescribeVSwitches": ("VSwitches", "VSwitch"),
             "DescribeHaVips": ("HaVips", "HaVip"), "DescribeEipAddresses": ("EipAddresses", "EipAddress"),
             "DescribeInstances": ("Instances", "Instance"), "DescribeSecurityGroups": ("SecurityGroups", "SecurityGroup")}
    state = {}
    for action, (outer, inner) in lists.items():
        items, page = [], 1
        while True:
            body = cloud.call(action, PageSize=50, PageNumber=page)
            items += body[outer][inner]
            if page * 50 >= body["TotalCount"]:
                break
            page += 1
        state[action] = items
    return state


def test_a_snapshot_restored_mid_run_brings_back_exactly_what_was_saved(make_cloud, control):
    mine, theirs = make_cloud("tea_v3"), make_cloud("core", key=OTHER_KEY)
    net = mine.build(instances=2)
    havip = mine.create_havip(net.vswitch_id)["HaVipId"]
    mine.associate(havip, net.instance_ids[0])
    theirs.create_vpc("10.0.0.0/16")
    saved_state = (everything(mine), everything(theirs))
    name = unique("mid-run")
    saved = control.save(name)
    assert saved["name"] == name and saved["resources"] >= 7

    # The run goes on: new resources, deletions, associations, a failover.
    added = mine.create_havip(net.vswitch_id)["HaVipId"]
    mine.associate(havip, net.instance_ids[1])
    control.failover(havip, net.instance_ids[1])
    theirs.create_vpc("10.1.0.0/16")
    mine.call("StopInstance", InstanceId=net.instance_ids[0])
    assert (everything(mine), everything(theirs)) != saved_state

    assert control.restore(name) == saved
    assert (everything(mine), everything(theirs)) == saved_state
    assert mine.havip(added) is None
    item = mine.havip(havip)
    assert (item["MasterInstanceId"], item["AssociatedInstances"]["associatedInstance"]) == (net.instance_ids[0], [net.instance_ids[0]])
    # The restored cloud keeps working: an address freed by the restore is handed out again.
    assert mine.create_havip(net.vswitch_id)["IpAddress"] == net.address(4)
    assert name in [s["name"] for s in control.ok("GET", "snapshots")["snapshots"]]
    control.delete_snapshot(name)
    assert control.refused("POST", f"snapshots/{name}/restore").status == 404


def test_reset_deletes_one_accounts_resources_or_every_accounts_and_keys_stay(make_cloud, control):
    mine, theirs = make_cloud("tea_v3"), make_cloud("tea_v1", key=OTHER_KEY)
    name = unique("before-reset")
    control.save(name)
    try:
        mine.create_vpc("10.0.0.0/16")
        theirs.create_vpc("10.0.0.0/16")
        result = control.reset(TEST_KEY.account)
        assert result["account"] == TEST_KEY.account and result["deleted"] >= 1
        assert mine.call("DescribeVpcs")["TotalCount"] == 0
        assert theirs.call("DescribeVpcs")["TotalCount"] >= 1
        result = control.reset()
        assert "account" not in result and result["deleted"] >= 1
        assert theirs.call("DescribeVpcs")["TotalCount"] == 0
        mine.call("DescribeRegions", RegionId=None)  # the keys still sign
    finally:
        control.restore(name)
        control.delete_snapshot(name)


def test_a_world_document_creates_everything_and_a_bad_one_creates_nothing(make_cloud, control):
    cloud = make_cloud("tea_v3")
    document = world_document(eip=True)
    vswitch = document["vpcs"][0]["vswitches"][0]
    vswitch["havips"][0]["associate"] = [i["name"] for i in vswitch["instances"]]
    ids = control.world(document)
    assert set(ids) >= {"vpcs", "securityGroups", "vswitches", "instances", "havips", "eips"}
    (vpc_name, vpc_id), = ids["vpcs"].items()
    assert cloud.call("DescribeVpcs", VpcId=vpc_id)["Vpcs"]["Vpc"][0]["VpcName"] == vpc_name
    (havip_name, havip_id), = ids["havips"].items()
    item = cloud.havip(havip_id)
    assert (item["Name"], item["Status"]) == (havip_name, "InUse")
    assert item["AssociatedInstances"]["associatedInstance"] == list(ids["instances"].values())
    assert item["AssociatedEipAddresses"]["associatedEipAddresse"] == [cloud.eip(ids["eips"][havip_name])["IpAddress"]]

    bad = world_document()
    bad_vpc = bad["vpcs"][0]
    bad_vpc["vswitches"].append({"name": unique("b"), "zone": ZONE, "cidr": "10.0.1.128/25"})
    error = control.refused("POST", "world", bad)
    assert (error.status, error.code) == (400, "InvalidCidrBlock.Overlapped")
    assert error.detail.startswith("vpcs[0].vswitches[1] (")
    assert [v for v in everything(cloud)["DescribeVpcs"] if v["VpcName"] == bad_vpc["name"]] == []
    error = control.refused("POST", "world", {"vpcs": [{"name": "x", "cidr": "10.0.0.0/16", "vswitchs": []}]})
    assert (error.status, error.code) == (400, "InvalidBody")


# --------------------------------------------------------------------------- the journal


def test_the_journal_shows_each_request_with_no_signature_or_secret(make_cloud, node):
    journal = Control(node)
    marker = unique("journal")
    v3, v1 = make_cloud("tea_v3", endpoint=node), make_cloud("tea_v1", endpoint=node)
    v3.call("CreateVpc", CidrBlock="10.0.0.0/16", VpcName=marker)
    with pytest.raises(ApiError):
        v1.call("DescribeHaVips", RegionId="xx-nowhere-1")
    entries = journal.requests(account=TEST_KEY.account, limit=2)
    assert [e["action"] for e in entries] == ["CreateVpc", "DescribeHaVips"]
    created, failed = entries
    assert (created["status"], created["code"], created["product"], created["region"]) == (200, None, "Vpc", REGION)
    assert created["parameters"]["VpcName"] == marker and created["account"] == TEST_KEY.account
    assert (failed["status"], failed["code"]) == (404, "InvalidRegionId.NotFound")
    assert failed["parameters"]["AccessKeyId"] == TEST_KEY.id
    for entry in entries:
        assert not {"Signature", "SignatureNonce", "SecurityToken"} & set(entry["parameters"]), entry
        assert entry["durationMs"] >= 0 and len(entry["requestId"]) == 36
    text = str(journal.ok("GET", "requests", limit=10000))
    assert TEST_KEY.secret not in text and OTHER_KEY.secret not in text
    assert [e["action"] for e in journal.requests(action="CreateVpc", limit=1)] == ["CreateVpc"]


def test_no_secret_reaches_the_journal_the_logs_or_an_error_body(fresh_server, make_cloud):
    """Sign with known secrets (right and wrong), send a password and a security token, log everything
    (trace), then search the journal, the whole log and every error body for them."""
    server = fresh_server("--log-level", "trace")
    wrong = AccessKey(TEST_KEY.id, "wrong-" + uuid.uuid4().hex, TEST_KEY.account)
    password = "Pw-" + uuid.uuid4().hex
    token = "sts-" + uuid.uuid4().hex
    bodies = []
    cloud = make_cloud("tea_v3", endpoint=server.endpoint)
    net = cloud.build(instances=0)
    cloud.call("RunInstances", VSwitchId=net.vswitch_id, SecurityGroupId=net.sg_id, ImageId="aliyun_3_x64_20G_alibase_20240819.vhd",
               InstanceType="ecs.g7.large", Password=password)
    for path in PATHS:
        with pytest.raises(ApiError) as raised:
            make_cloud(path, endpoint=server.endpoint, key=wrong).call("DescribeVpcs")
        bodies.append(str(raised.value) + repr(getattr(raised.value.original, "data", "")))
        with pytest.raises(ApiError) as raised:
            make_cloud(path, endpoint=server.endpoint).call("DescribeHaVips", RegionId="xx-nowhere-1")
        bodies.append(str(raised.value))
    response = requests.get(
        f"{server.endpoint.base_url}/?Action=DescribeVpcs&Version=2016-04-28&AccessKeyId={TEST_KEY.id}&SecurityToken={token}"
        f"&Signature=x&SignatureMethod=HMAC-SHA1&SignatureVersion=1.0&SignatureNonce=n&Timestamp=2020-01-01T00:00:00Z", timeout=10)
    bodies.append(response.text)
    journal = str(Control(server.endpoint).ok("GET", "requests", limit=10000))
    log = server.log_path.read_text(errors="replace")
    assert "RunInstances" in journal and "DescribeVpcs" in journal and "trace" not in journal
    for secret in (TEST_KEY.secret, wrong.secret, password, token):
        for where, text in (("journal", journal), ("log", log), ("error bodies", "\n".join(bodies))):
            assert secret not in text, f"{secret} in the {where}"


# ------------------------------------------------------------------- several nodes, auth


needs_cluster = pytest.mark.skipif(len(cluster_nodes()) < 2, reason="needs HAVIP_CLUSTER_NODES (scripts/with-cluster)")


@needs_cluster
def test_faults_and_transitions_set_through_one_node_hold_on_the_others(make_cloud):
    first, second = cluster_nodes()[:2]
    there = make_cloud("tea_v3", endpoint=second)
    fault = Control(first).add_fault(action="DescribeZones", account=TEST_KEY.account, error=THROTTLING)
    added = time.monotonic()

    def faulted():
        try:
            there.call("DescribeZones")
            return False
        except ApiError as error:
            return error.code == "Throttling.User"
    poll(faulted, "the fault to be in force on the second node", timeout=FAULT_PROPAGATION_BOUND + 1)
    assert time.monotonic() - added <= FAULT_PROPAGATION_BOUND
    Control(first).delete_fault(fault["id"])
    deleted = time.monotonic()
    poll(lambda: not faulted(), "the fault to be gone on the second node", timeout=FAULT_PROPAGATION_BOUND + 1)
    assert time.monotonic() - deleted <= FAULT_PROPAGATION_BOUND

    # The transition mode lives in the store: set through one node, in force on the next request anywhere.
    net = make_cloud("tea_v3", endpoint=first).build(instances=0)
    Control(first).set_transitions({"mode": "manual"})
    havip = there.create_havip(net.vswitch_id, wait=False)["HaVipId"]
    assert there.havip(havip)["Status"] == "Creating"
    assert Control(cluster_nodes()[-1]).step() >= 1
    assert there.havip(havip)["Status"] == "Available"


@needs_cluster
def test_each_node_keeps_its_own_journal(make_cloud):
    first, second = cluster_nodes()[:2]
    marker = unique("node")
    make_cloud("tea_v3", endpoint=first).call("CreateVpc", CidrBlock="10.0.0.0/16", VpcName=marker)
    mine = [e for e in Control(first).requests(action="CreateVpc", limit=10000) if e["parameters"].get("VpcName") == marker]
    theirs = [e for e in Control(second).requests(action="CreateVpc", limit=10000) if e["parameters"].get("VpcName") == marker]
    assert (len(mine), len(theirs)) == (1, 0)


def test_the_control_api_needs_the_admin_token_but_health_does_not(havip):
    for token in (None, "wrong-token"):
        for method, path in (("POST", "reset"), ("GET", "faults"), ("GET", "requests"), ("PUT", "transitions")):
            error = Control(havip, token=token).refused(method, path, {"mode": "manual"} if method == "PUT" else None)
            assert (error.status, error.code) == (401, "Unauthorized")
    assert Control(havip).transitions()["mode"] in ("delay", "manual")
    assert requests.get(f"{havip.base_url}/_havip/health", timeout=10).json()["status"] == "ok"
