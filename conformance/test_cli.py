"""The ``havip`` command line client, run as a subprocess the way a script runs ``aliyun``:
``havip vpc|ecs|sts <Action> --Param value`` and ``havip ctl ...`` against the suite's server (through
several nodes, ``scripts/with-cluster``: the balancer, or one node where a journal is read)."""

from __future__ import annotations

import json
import os
import subprocess
from typing import Dict, Optional

import pytest

from .cloud import REGION, ZONE, unique
from .control import ADMIN_TOKEN, DEVELOPMENT_TOKEN, Control, cluster_nodes, settle_faults
from .expect import REGION_NOT_FOUND, assert_request_id
from .raw import RawClient, v1_request
from .server import OTHER_KEY, TEST_KEY, Endpoint, binary_path, free_port

RUN_TIMEOUT = 30.0
SIGNATURES = ("v3", "v1")


def run_havip(*args: str, env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    """``havip ARGS`` with only ``env`` (and PATH/HOME) in its environment; text output."""
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/tmp")}
    environment.update(env or {})
    return subprocess.run([str(binary_path()), *args], capture_output=True, text=True,
                          env=environment, timeout=RUN_TIMEOUT, stdin=subprocess.DEVNULL)


@pytest.fixture
def cli(havip):
    """``cli(*args, key=TEST_KEY, env=None)``: a havip call on the suite's server, the key and
    endpoint given as options; answers the completed process."""
    if not binary_path().is_file():
        pytest.skip(f"no havip binary at {binary_path()}")

    def call(*args: str, key=TEST_KEY, env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
        return run_havip(*args, "--endpoint", havip.base_url,
                         "--access-key-id", key.id, "--access-key-secret", key.secret, env=env)
    return call


def ok(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.stderr == ""
    return json.loads(result.stdout)


def failed(result: subprocess.CompletedProcess) -> Dict[str, str]:
    """The ``Name: value`` lines of an API error on stderr (the aliyun CLI's shape); ``Message``
    comes last and runs to the end (a signature mismatch's string to sign has line breaks)."""
    assert result.returncode == 1, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.stdout == ""
    head, sep, message = result.stderr.partition("\nMessage: ")
    assert sep, result.stderr
    lines = head.splitlines()
    assert lines[0] == "ERROR: SDK.ServerError", result.stderr
    fields = dict(line.split(": ", 1) for line in lines[1:])
    assert list(fields) == ["ErrorCode", "Recommend", "RequestId"], result.stderr
    fields["Message"] = message.removesuffix("\n")
    return fields


# ------------------------------------------------------------------------------ RPC calls


@pytest.mark.parametrize("signature", SIGNATURES)
def test_create_and_describe_with_filters(cli, make_cloud, signature):
    sig = ("--signature", signature)
    vpc = ok(cli("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16",
                 "--VpcName", unique("cli"), *sig))
    assert_request_id(vpc["RequestId"])
    vswitch = ok(cli("vpc", "CreateVSwitch", "--RegionId", REGION, "--ZoneId", ZONE, "--VpcId", vpc["VpcId"],
                     "--CidrBlock", "10.0.1.0/24", *sig))
    created = [ok(cli("vpc", "CreateHaVip", "--RegionId", REGION, "--VSwitchId", vswitch["VSwitchId"],
                      "--Description", f"cli {n} é/+*", *sig))["HaVipId"] for n in range(2)]

    described = ok(cli("vpc", "DescribeHaVips", "--RegionId", REGION, "--Filter.1.Key", "VpcId",
                       "--Filter.1.Value.1", vpc["VpcId"], *sig))
    assert described["TotalCount"] == 2
    havips = described["HaVips"]["HaVip"]
    assert sorted(h["HaVipId"] for h in havips) == sorted(created)
    assert {h["Description"] for h in havips} == {"cli 0 é/+*", "cli 1 é/+*"}

    one = ok(cli("vpc", "DescribeHaVips", "--RegionId", REGION, "--Filter.1.Key", "HaVipId",
                 f"--Filter.1.Value.1={created[1]}", *sig))
    assert [h["HaVipId"] for h in one["HaVips"]["HaVip"]] == [created[1]]

    # The same account's state, as an official SDK sees it.
    assert sorted(make_cloud("tea_v3").havip_ids({"VpcId": vpc["VpcId"]})) == sorted(created)


def test_output_is_indented_json_in_the_servers_key_order(cli, havip):
    result = cli("vpc", "DescribeZones", "--RegionId", REGION)
    raw = RawClient(havip).send(v1_request("DescribeZones", {"RegionId": REGION}))
    assert result.stdout.startswith('{\n\t"RequestId": ')
    printed = json.loads(result.stdout, object_pairs_hook=list)
    served = json.loads(raw.body, object_pairs_hook=list)
    assert [k for k, _ in printed] == [k for k, _ in served]
    zone_keys = lambda doc: [k for k, _ in dict(dict(doc)["Zones"])["Zone"][0]]
    assert zone_keys(printed) == zone_keys(served)


@pytest.mark.parametrize("signature", SIGNATURES)
def test_an_api_error_exits_1_with_code_message_and_request_id(cli, signature):
    fields = failed(cli("vpc", "DescribeHaVips", "--RegionId", "xx-nowhere-1", "--signature", signature))
    assert fields["ErrorCode"] == "InvalidRegionId.NotFound"
    assert fields["Message"] == REGION_NOT_FOUND
    assert_request_id(fields["RequestId"])
    assert "q=InvalidRegionId.NotFound" in fields["Recommend"]


def test_a_wrong_secret_is_the_servers_signature_error(cli):
    wrong = TEST_KEY.__class__(TEST_KEY.id, "not-the-secret")
    fields = failed(cli("sts", "GetCallerIdentity", key=wrong))
    assert fields["ErrorCode"] == "SignatureDoesNotMatch"
    assert "server string to sign is:ACS3-HMAC-SHA256\n" in fields["Message"]


def test_credentials_and_endpoint_from_the_environment(havip):
    env = {"ALIBABA_CLOUD_ACCESS_KEY_ID": OTHER_KEY.id, "ALIBABA_CLOUD_ACCESS_KEY_SECRET": OTHER_KEY.secret,
           "HAVIP_ENDPOINT": havip.base_url}
    identity = ok(run_havip("sts", "GetCallerIdentity", env=env))
    assert identity["AccountId"] == OTHER_KEY.account
    # Options win over the environment.
    identity = ok(run_havip("sts", "GetCallerIdentity", "--access-key-id", TEST_KEY.id,
                            "--access-key-secret", TEST_KEY.secret, env=env))
    assert identity["AccountId"] == TEST_KEY.account
    env["ALIBABA_CLOUD_ACCESS_KEY_SECRET"] = "wrong"
    assert failed(run_havip("sts", "GetCallerIdentity", env=env))["ErrorCode"] == "SignatureDoesNotMatch"


def test_region_becomes_region_id(cli):
    zones = ok(cli("ecs", "DescribeSecurityGroups", "--region", "cn-beijing"))
    assert zones["RegionId"] == "cn-beijing"
    zones = ok(cli("ecs", "DescribeSecurityGroups", "--region", "cn-beijing", "--RegionId", REGION))
    assert zones["RegionId"] == REGION


def test_bad_command_lines_and_unreachable_servers(cli):
    result = cli("vpc", "DescribeHaVips", "--RegionId")
    assert result.returncode != 0 and "--RegionId needs a value" in result.stderr
    result = cli("vpc", "DescribeHaVips", "--regionid", "x")
    assert result.returncode != 0 and "unknown option '--regionid'" in result.stderr
    result = run_havip("vpc", "DescribeRegions", "--endpoint", f"http://127.0.0.1:{free_port()}")
    assert result.returncode == 1 and result.stderr.startswith("ERROR: ") and result.stdout == ""


# ------------------------------------------------------------------- the control subcommands


def ctl(endpoint: Endpoint, *args: str, token: Optional[str] = ADMIN_TOKEN,
        env: Optional[Dict[str, str]] = None) -> subprocess.CompletedProcess:
    """``havip ctl ARGS`` against ``endpoint``, the token in ``HAVIP_ADMIN_TOKEN`` (none: the default)."""
    environment = {"HAVIP_ENDPOINT": endpoint.base_url, **(env or {})}
    if token is not None:
        environment["HAVIP_ADMIN_TOKEN"] = token
    return run_havip("ctl", *args, env=environment)


def control_failed(result: subprocess.CompletedProcess) -> str:
    """The one ``ERROR: CODE (HTTP STATUS): DETAIL`` line of a refusal (exit 1, nothing on stdout)."""
    assert result.returncode == 1, f"exit {result.returncode}\nstdout: {result.stdout}\nstderr: {result.stderr}"
    assert result.stdout == ""
    line = result.stderr.strip()
    assert line.startswith("ERROR: ") and "\n" not in line, result.stderr
    return line


@pytest.fixture
def endpoint(havip) -> Endpoint:
    if not binary_path().is_file():
        pytest.skip(f"no havip binary at {binary_path()}")
    return havip


@pytest.fixture
def mode(endpoint):
    """Leaves the transition mode as it found it."""
    before = Control(endpoint).transitions()
    yield before
    Control(endpoint).set_transitions(before)


def test_ctl_transitions_hold_a_havip_until_stepped(cli, endpoint, mode):
    assert ok(ctl(endpoint, "transitions")) == mode
    assert ok(ctl(endpoint, "transitions", "show")) == mode
    vpc = ok(cli("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16"))["VpcId"]
    vswitch = ok(cli("vpc", "CreateVSwitch", "--RegionId", REGION, "--ZoneId", ZONE, "--VpcId", vpc,
                     "--CidrBlock", "10.0.1.0/24"))["VSwitchId"]
    assert ok(ctl(endpoint, "transitions", "manual")) == {"mode": "manual"}
    havip = ok(cli("vpc", "CreateHaVip", "--RegionId", REGION, "--VSwitchId", vswitch))["HaVipId"]

    def status() -> str:
        return ok(cli("vpc", "DescribeHaVips", "--RegionId", REGION, "--Filter.1.Key", "HaVipId",
                      "--Filter.1.Value.1", havip))["HaVips"]["HaVip"][0]["Status"]
    assert status() == "Creating"
    assert ok(ctl(endpoint, "transitions", "step"))["advanced"] >= 1
    assert status() == "Available"
    assert ok(ctl(endpoint, "transitions", "delay", "0.5")) == {"mode": "delay", "seconds": 0.5}


def test_ctl_faults_are_added_listed_hit_and_cleared(cli, endpoint):
    fault = ok(ctl(endpoint, "fault", "add", "--action", "CreateVpc", "--account", TEST_KEY.account, "--count", "1",
                   "--preset", "throttling"))
    assert fault["id"].startswith("fault-") and (fault["action"], fault["count"], fault["hits"]) == ("CreateVpc", 1, 0)
    assert fault["error"] == {"code": "Throttling.User", "status": 400, "message": "Request was denied due to user flow control."}
    assert ok(ctl(endpoint, "fault", "list")) == [fault]
    settle_faults()
    refused = failed(cli("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16"))
    assert (refused["ErrorCode"], refused["Message"]) == ("Throttling.User", "Request was denied due to user flow control.")
    assert ok(ctl(endpoint, "fault", "list")) == []
    ok(cli("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16"))

    slow = ok(ctl(endpoint, "fault", "add", "--action", "Describe*", "--account", OTHER_KEY.account, "--latency-ms", "1",
                  "--code", "OperationConflict", "--status", "409", "--message", "Try again."))
    other = ok(ctl(endpoint, "fault", "add", "--action", "*", "--account", OTHER_KEY.account, "--probability", "0", "--latency-ms", "1"))
    result = ctl(endpoint, "fault", "clear", slow["id"])
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    assert [f["id"] for f in ok(ctl(endpoint, "fault", "list"))] == [other["id"]]
    assert ctl(endpoint, "fault", "clear").returncode == 0
    assert ok(ctl(endpoint, "fault", "list")) == []
    settle_faults()


def test_ctl_world_apply_sends_yaml_and_failover_moves_the_master(cli, endpoint, tmp_path):
    names = {key: unique(key) for key in ("prod", "a", "web1", "web2", "vip")}
    world = tmp_path / "world.yaml"
    world.write_text(f"account: '{TEST_KEY.account}'\nregion: {REGION}\nvpcs:\n"
                     f"  - {{name: {names['prod']}, cidr: 10.0.0.0/16, vswitches: [{{name: {names['a']}, zone: {ZONE}, cidr: 10.0.1.0/24,\n"
                     f"     instances: [{{name: {names['web1']}}}, {{name: {names['web2']}}}],\n"
                     f"     havips: [{{name: {names['vip']}, associate: [{names['web1']}, {names['web2']}], eip: true}}]}}]}}\n")
    ids = ok(ctl(endpoint, "world", "apply", str(world)))
    assert list(ids["vpcs"]) == [names["prod"]] and sorted(ids["instances"]) == sorted([names["web1"], names["web2"]])
    havip, web2 = ids["havips"][names["vip"]], ids["instances"][names["web2"]]
    assert ok(ctl(endpoint, "failover", havip, "--to", web2)) == {"haVipId": havip, "masterInstanceId": web2}
    item = ok(cli("vpc", "DescribeHaVips", "--RegionId", REGION, "--Filter.1.Key", "HaVipId", "--Filter.1.Value.1", havip))
    assert item["HaVips"]["HaVip"][0]["MasterInstanceId"] == web2
    line = control_failed(ctl(endpoint, "failover", havip, "--to", "i-notassociated"))
    assert line == "ERROR: ResourceNotAssociated (HTTP 400): The HaVip and ECS instance are not associated."

    bad = tmp_path / "bad.yaml"
    bad.write_text(f"vpcs: [{{name: {unique('bad')}, cidr: 10.0.0.0/33}}]\n")
    assert control_failed(ctl(endpoint, "world", "apply", str(bad))).startswith("ERROR: InvalidParameter (HTTP 400): vpcs[0] (")


def test_ctl_snapshots_and_reset(cli, endpoint):
    name = unique("cli")
    saved = ok(ctl(endpoint, "snapshot", "save", name))
    assert saved["name"] == name and saved["resources"] >= 0
    assert name in [s["name"] for s in ok(ctl(endpoint, "snapshot", "list"))]
    ok(cli("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16", key=OTHER_KEY))
    reset = ok(ctl(endpoint, "reset", "--account", OTHER_KEY.account))
    assert reset["account"] == OTHER_KEY.account and reset["deleted"] >= 1
    assert ok(cli("vpc", "DescribeVpcs", "--RegionId", REGION, key=OTHER_KEY))["TotalCount"] == 0
    assert ok(ctl(endpoint, "snapshot", "restore", name)) == saved
    result = ctl(endpoint, "snapshot", "delete", name)
    assert (result.returncode, result.stdout) == (0, "")
    assert control_failed(ctl(endpoint, "snapshot", "restore", name)) == f"ERROR: NotFound (HTTP 404): No snapshot is named {name}."


def test_ctl_requests_prints_the_journal_and_follows_it(havip):
    if not binary_path().is_file():
        pytest.skip(f"no havip binary at {binary_path()}")
    nodes = cluster_nodes()
    node = nodes[0] if nodes else havip  # a journal is per node
    marker = unique("journal")
    run_havip("vpc", "CreateVpc", "--RegionId", REGION, "--CidrBlock", "10.0.0.0/16", "--VpcName", marker,
              "--endpoint", node.base_url, "--access-key-id", TEST_KEY.id, "--access-key-secret", TEST_KEY.secret)
    entries = ok(ctl(node, "requests", "--action", "CreateVpc", "--account", TEST_KEY.account, "--limit", "1"))
    assert len(entries) == 1 and entries[0]["parameters"]["VpcName"] == marker
    assert "Signature" not in entries[0]["parameters"] and TEST_KEY.secret not in json.dumps(entries)
    result = ctl(node, "requests", "--action", "CreateVpc", "--limit", "1", "--follow", "--interval", "0.2", "--follow-for", "0.6")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["requestId"] for line in lines] == [entries[0]["requestId"]]


def test_ctl_refusals_exit_1_and_the_default_token_is_the_development_one(endpoint):
    line = control_failed(ctl(endpoint, "fault", "list", token="wrong-token"))
    assert line.startswith("ERROR: Unauthorized (HTTP 401): ")
    if ADMIN_TOKEN == DEVELOPMENT_TOKEN:
        assert isinstance(ok(ctl(endpoint, "fault", "list", token=None)), list)
    result = ctl(Endpoint("127.0.0.1", free_port()), "transitions")
    assert result.returncode == 1 and result.stdout == "" and result.stderr.startswith("ERROR: ")
