"""The ``havip`` command line client, run as a subprocess the way a script runs ``aliyun``:
``havip vpc|ecs|sts <Action> --Param value`` against the suite's server, and ``havip ctl ...``
against a recording stand-in for the control API (until its endpoints land on the server)."""

from __future__ import annotations

import json
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from .cloud import REGION, ZONE, unique
from .expect import REGION_NOT_FOUND, assert_request_id
from .raw import RawClient, v1_request
from .server import OTHER_KEY, TEST_KEY, binary_path, free_port

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


class ControlStandIn:
    """A recording HTTP server answering the control API's shapes (issue 11's table)."""

    def __init__(self) -> None:
        self.requests: List[Tuple[str, str, Dict[str, str], str]] = []
        self.answers: Dict[Tuple[str, str], Tuple[int, str]] = {}
        self.journal_pages: List[str] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                headers = {name.lower(): value for name, value in self.headers.items()}
                stand_in.requests.append((self.command, self.path, headers, body))
                status, text = stand_in.answer(self.command, self.path)
                payload = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def answer(self, method: str, path: str) -> Tuple[int, str]:
        if method == "GET" and path.startswith("/_havip/requests") and self.journal_pages:
            page = self.journal_pages[0]
            if len(self.journal_pages) > 1:
                self.journal_pages.pop(0)
            return 200, page
        return self.answers.get((method, path), (404, '{"error":"NotFound","detail":"no such endpoint"}'))

    def last(self) -> Tuple[str, str, Dict[str, str], str]:
        return self.requests[-1]


@pytest.fixture
def control() -> Iterator[ControlStandIn]:
    if not binary_path().is_file():
        pytest.skip(f"no havip binary at {binary_path()}")
    stand_in = ControlStandIn()
    stand_in.thread.start()
    try:
        yield stand_in
    finally:
        stand_in.server.shutdown()
        stand_in.server.server_close()


def ctl(stand_in: ControlStandIn, *args: str, token: Optional[str] = "tok") -> subprocess.CompletedProcess:
    env = {"HAVIP_ENDPOINT": stand_in.url}
    if token is not None:
        env["HAVIP_ADMIN_TOKEN"] = token
    return run_havip("ctl", *args, env=env)


def test_ctl_transitions_and_faults(control):
    control.answers[("PUT", "/_havip/transitions")] = (200, '{"mode":"manual"}')
    assert ok(ctl(control, "transitions", "manual")) == {"mode": "manual"}
    method, path, headers, body = control.last()
    assert (method, path, json.loads(body)) == ("PUT", "/_havip/transitions", {"mode": "manual"})
    assert headers["authorization"] == "Bearer tok"
    assert headers["content-type"] == "application/json"

    fault = {"id": "fault-1", "action": "AssociateHaVip", "count": 3,
             "error": {"code": "Throttling.User", "status": 400, "message": "Request was denied due to user flow control."}}
    control.answers[("POST", "/_havip/faults")] = (201, json.dumps(fault))
    assert ok(ctl(control, "fault", "add", "--action", "AssociateHaVip", "--count", "3", "--preset", "throttling")) == fault
    method, path, _, body = control.last()
    assert (method, path) == ("POST", "/_havip/faults")
    assert json.loads(body) == {k: v for k, v in fault.items() if k != "id"}

    control.answers[("DELETE", "/_havip/faults/fault-1")] = (204, "")
    result = ctl(control, "fault", "clear", "fault-1")
    assert result.returncode == 0 and result.stdout == ""
    assert control.last()[:2] == ("DELETE", "/_havip/faults/fault-1")


def test_ctl_world_apply_sends_yaml_as_json(control, tmp_path):
    world = tmp_path / "world.yaml"
    world.write_text("account: '1111111111111111'\nregion: cn-hangzhou\nvpcs:\n"
                     "  - {name: prod, cidr: 10.0.0.0/16, vswitches: [{name: a, zone: cn-hangzhou-h, cidr: 10.0.1.0/24,\n"
                     "     instances: [{name: web1}, {name: web2}], havips: [{name: vip, associate: [web1, web2], eip: true}]}]}\n")
    ids = {"vpcs": {"prod": "vpc-1"}, "vswitches": {"a": "vsw-1"}, "instances": {"web1": "i-1", "web2": "i-2"},
           "havips": {"vip": "havip-1"}, "eips": {"vip": "eip-1"}}
    control.answers[("POST", "/_havip/world")] = (201, json.dumps(ids))
    assert ok(ctl(control, "world", "apply", str(world))) == ids
    assert json.loads(control.last()[3]) == {
        "account": "1111111111111111", "region": "cn-hangzhou",
        "vpcs": [{"name": "prod", "cidr": "10.0.0.0/16", "vswitches": [{
            "name": "a", "zone": "cn-hangzhou-h", "cidr": "10.0.1.0/24",
            "instances": [{"name": "web1"}, {"name": "web2"}],
            "havips": [{"name": "vip", "associate": ["web1", "web2"], "eip": True}]}]}]}


def test_ctl_refusals_exit_1(control):
    result = ctl(control, "snapshot", "restore", "nope")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.strip() == "ERROR: NotFound (HTTP 404): no such endpoint"
    assert control.last()[:2] == ("POST", "/_havip/snapshots/nope/restore")

    result = ctl(control, "snapshot", "list", token=None)
    assert result.returncode != 0 and "HAVIP_ADMIN_TOKEN" in result.stderr
    assert len(control.requests) == 1


def test_ctl_requests_follow_prints_each_new_entry_once(control):
    def entry(n: int) -> dict:
        return {"time": f"2026-05-01T10:00:0{n}Z", "action": "CreateHaVip", "account": "A", "region": REGION,
                "parameters": {"VSwitchId": "vsw-1"}, "status": 200, "code": None, "durationMs": 1.0,
                "requestId": f"r-{n}"}
    control.journal_pages = [json.dumps({"requests": [entry(n) for n in ns]}) for ns in ([1, 2], [1, 2, 3], [2, 3, 4])]
    result = ctl(control, "requests", "--action", "CreateHaVip", "--limit", "3", "--follow",
                 "--interval", "0.1", "--follow-for", "1")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["requestId"] for line in lines] == ["r-1", "r-2", "r-3", "r-4"]
    assert all(path == "/_havip/requests?action=CreateHaVip&limit=3" for _, path, _, _ in control.requests)
    assert 3 <= len(control.requests) <= 11
