"""The netns data plane (``havip serve --dataplane netns``, docs/dataplane.md) through the official SDKs.

A world is made through Tea V3 (a VPC, a vSwitch, instances, a HaVip associated with two of them); the
address answers from the master's namespace (a ping from the lab's client, whose ARP entry names the
master's MAC); the master's keepalived is stopped, and both the wire and DescribeHaVips move to the
other instance within 3 s; StopInstance takes an instance off the network, StartInstance brings it back,
DeleteInstance removes its namespace; an unassociated instance that claims the address is not heard;
the control API's failover moves the address for real; a server stopped leaves no namespace behind, and
one killed leaves namespaces the next start removes before it rebuilds the lab from the store.

It needs Linux, root, and keepalived, nftables, iproute2 and iputils-ping (scripts/test installs them
from Debian's packages): without them every test here but the option checks is skipped, with the reason.
The servers use prefixes of their own, so they never touch a lab a person runs with the default one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

import pytest

from .cloud import Cloud, poll
from .control import Control
from .server import HavipServer, binary_path

PREFIX = "hvconf-"
# docs/dataplane.md: from the master's keepalived ending to the new master on the wire and in DescribeHaVips.
FAILOVER_TARGET = 3.0
# keepalived's first election waits three adverts (advert_int 1), plus the lab's start.
ELECTION_TIMEOUT = 15.0
TOOLS = (("ip", "iproute2"), ("nft", "nftables"), ("keepalived", "keepalived"), ("ping", "iputils-ping"))
TOOL_PATH = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"


def unavailable() -> Optional[str]:
    """Why the data plane cannot run here, or None."""
    if sys.platform != "linux":
        return "it runs on Linux only"
    if os.geteuid() != 0:
        return "it needs root (network namespaces, bridges, nftables); run the suite as root"
    if not os.path.exists("/proc/self/ns/net"):
        return "this kernel has no network namespaces"
    for tool, package in TOOLS:
        if shutil.which(tool, path=TOOL_PATH) is None:
            return f"{tool} is not installed (Debian: apt-get install {package})"
    if os.environ.get("HAVIP_ENDPOINT"):
        return "HAVIP_ENDPOINT is set: these tests start servers of their own"
    return None


REASON = unavailable()
needs_lab = pytest.mark.skipif(REASON is not None, reason=f"the netns data plane cannot run here: {REASON}")



# ----------------------------------------------------------------------------- the lab, from outside


def namespaces(prefix: str = PREFIX) -> List[str]:
    out = subprocess.run([shutil.which("ip", path=TOOL_PATH), "netns", "list"], capture_output=True, text=True,
                         check=True, timeout=10).stdout
    return [line.split()[0] for line in out.splitlines() if line.split() and line.split()[0].startswith(prefix)]


def lab_exec(target: str, *command: str, check: bool = True, timeout: float = 10) -> subprocess.CompletedProcess:
    """``havip lab exec TARGET -- COMMAND`` with this file's prefix."""
    done = subprocess.run([str(binary_path()), "lab", "exec", "--lab-prefix", PREFIX, target, "--", *command],
                          capture_output=True, text=True, timeout=timeout)
    if check:
        assert done.returncode == 0, f"lab exec {target} {command}: {done.returncode}\n{done.stdout}{done.stderr}"
    return done


def link(instance_id: str) -> Dict:
    return json.loads(lab_exec(instance_id, "ip", "-j", "link", "show", "eth0").stdout)[0]


def addresses(instance_id: str) -> List[str]:
    """The IPv4 addresses on the instance's eth0, as ADDRESS/PREFIX."""
    entries = json.loads(lab_exec(instance_id, "ip", "-j", "-4", "addr", "show", "eth0").stdout or "[]")
    return [f"{a['local']}/{a['prefixlen']}" for entry in entries for a in entry.get("addr_info", [])]


def client_pings(address: str) -> bool:
    return lab_exec("client", "ping", "-n", "-c", "1", "-W", "1", address, check=False).returncode == 0


def client_neighbour(address: str) -> Optional[str]:
    entries = json.loads(lab_exec("client", "ip", "-j", "neigh", "show", address).stdout or "[]")
    return entries[0].get("lladdr") if entries else None


def answering(address: str, macs: Dict[str, str]) -> Optional[str]:
    """The instance whose MAC answers the client for ``address`` now (one ping), or None."""
    if not client_pings(address):
        return None
    return {mac: instance for instance, mac in macs.items()}.get(client_neighbour(address))


def stop_keepalived(instance_id: str) -> None:
    """SIGTERM to the keepalived the lab runs in the instance (by its pid file, in the instance's own /run)."""
    lab_exec(instance_id, "sh", "-c", "kill $(cat /run/keepalived.pid)")


def wait_both(cloud: Cloud, havip_id: str, address: str, macs: Dict[str, str], expected: str,
              timeout: float) -> Dict[str, float]:
    """Polls DescribeHaVips and the wire until both show ``expected``; answers when each first did."""
    started = time.monotonic()
    seen: Dict[str, float] = {}
    while time.monotonic() - started < timeout and len(seen) < 2:
        if "api" not in seen and cloud.havip(havip_id)["MasterInstanceId"] == expected:
            seen["api"] = time.monotonic() - started
        if "wire" not in seen and answering(address, macs) == expected:
            seen["wire"] = time.monotonic() - started
        time.sleep(0.05)
    assert len(seen) == 2, f"after {timeout} s only {seen} showed {expected}\n{lab_state(address, macs)}"
    return seen


def lab_state(address: str, macs: Dict[str, str]) -> str:
    """What a failed wait shows: each instance's addresses and keepalived log, the client's neighbour entry, the
    VPC's rule."""
    lines = [f"client's neighbour entry for {address}: {client_neighbour(address)}; MACs {macs}"]
    for instance_id in macs:
        lines.append(f"{instance_id}: {addresses(instance_id)}")
        log = lab_exec(instance_id, "sh", "-c", "tail -n 25 /run/havip/keepalived.log", check=False)
        lines += ["    " + line for line in (log.stdout + log.stderr).splitlines()]
    rule = subprocess.run([shutil.which("ip", path=TOOL_PATH), "netns", "exec", PREFIX + "lab", "nft", "list", "table", "bridge",
                           "havip"], capture_output=True, text=True, timeout=10)
    return "\n".join(lines + [rule.stdout + rule.stderr])


def make_server(workdir: Path, prefix: str = PREFIX) -> HavipServer:
    return HavipServer(binary_path(), workdir, extra_args=(
        "--transition-delay", "0", "--dataplane", "netns", "--lab-prefix", prefix))


@pytest.fixture(scope="module")
def lab_server(tmp_path_factory):
    if REASON is not None:
        pytest.skip(f"the netns data plane cannot run here: {REASON}")
    server = make_server(tmp_path_factory.mktemp("havip-dataplane"))
    server.start()
    try:
        yield server
    finally:
        code = server.stop()
        assert code == 0, server.log_text()
        assert namespaces() == [], "namespaces left behind after SIGTERM"


@pytest.fixture
def cloud(lab_server) -> Cloud:
    return Cloud("tea_v3", lab_server.endpoint)


# --------------------------------------------------------------------------------------------- tests


@needs_lab
def test_the_address_follows_keepalived_and_describe_havips_follows_the_wire(cloud):
    net = cloud.build(instances=3)
    first, second, third = net.instance_ids
    havip = cloud.create_havip(net.vswitch_id)
    havip_id, address = havip["HaVipId"], havip["IpAddress"]
    cloud.associate(havip_id, first)
    cloud.associate(havip_id, second)
    # Every running instance is a namespace with its primary address on eth0 and its primary ENI's MAC.
    poll(lambda: {PREFIX + i for i in net.instance_ids} <= set(namespaces()), "the instances' namespaces")
    for instance_id in net.instance_ids:
        described = cloud.instance(instance_id)
        private = described["VpcAttributes"]["PrivateIpAddress"]["IpAddress"][0]
        assert f"{private}/24" in addresses(instance_id)
        assert link(instance_id)["address"] == described["NetworkInterfaces"]["NetworkInterface"][0]["MacAddress"]
    macs = {i: link(i)["address"] for i in net.instance_ids}

    # The first associated instance wins keepalived's first election: the address answers from its namespace.
    wait_both(cloud, havip_id, address, macs, first, ELECTION_TIMEOUT)
    assert f"{address}/32" in addresses(first)
    assert f"{address}/32" not in addresses(second)

    # The master's keepalived ends: the second instance takes the address, and DescribeHaVips follows the wire.
    stop_keepalived(first)
    took = wait_both(cloud, havip_id, address, macs, second, FAILOVER_TARGET + 2)
    print(f"\nthe master's keepalived stopped: the wire moved after {took['wire']:.2f} s, "
          f"DescribeHaVips after {took['api']:.2f} s")
    assert took["wire"] <= FAILOVER_TARGET and took["api"] <= FAILOVER_TARGET, took

    # An unassociated instance claims the address: the VPC's rule drops its ARP, nobody hears it.
    lab_exec(third, "ip", "addr", "add", f"{address}/32", "dev", "eth0")
    lab_exec(third, "ping", "-n", "-c", "2", "-W", "1", "-I", address, net.address(253), check=False)
    assert answering(address, macs) == second
    assert cloud.havip(havip_id)["MasterInstanceId"] == second
    rule = subprocess.run([shutil.which("ip", path=TOOL_PATH), "netns", "exec", PREFIX + "lab", "nft", "-j", "list",
                           "chain", "bridge", "havip", "prerouting"], capture_output=True, text=True, check=True).stdout
    counters = [e["counter"]["packets"] for item in json.loads(rule)["nftables"] if "rule" in item
                for e in item["rule"]["expr"] if "counter" in e]
    assert counters and counters[0] > 0, rule
    lab_exec(third, "ip", "addr", "del", f"{address}/32", "dev", "eth0")

    # StopInstance takes the master off the network: its link goes down, its addresses go, and nobody holds the
    # address (the first one's keepalived is still stopped). MasterInstanceId is then the model's choice: the
    # running instance (docs/dataplane.md).
    cloud.call("StopInstance", InstanceId=second)
    poll(lambda: link(second)["operstate"] == "DOWN", "the stopped instance's eth0 to go down")
    assert addresses(second) == []
    assert cloud.havip(havip_id)["MasterInstanceId"] == first
    assert not client_pings(address)

    # Stopped and started, the first instance has keepalived again and takes the address; the second, started
    # again, comes back as a backup and does not take it back (nopreempt).
    cloud.call("StopInstance", InstanceId=first)
    cloud.call("StartInstance", InstanceId=first)
    wait_both(cloud, havip_id, address, macs, first, ELECTION_TIMEOUT)
    cloud.call("StartInstance", InstanceId=second)
    poll(lambda: link(second)["operstate"] == "UP", "the started instance's eth0 to come up")
    time.sleep(4)
    assert answering(address, macs) == first
    assert cloud.havip(havip_id)["MasterInstanceId"] == first

    # DeleteInstance removes the namespace.
    cloud.call("StopInstance", InstanceId=third)
    cloud.call("DeleteInstance", InstanceId=third)
    poll(lambda: PREFIX + third not in namespaces(), "the deleted instance's namespace to go")


@needs_lab
def test_the_control_apis_failover_moves_the_address_on_the_wire(cloud, lab_server):
    net = cloud.build(instances=3, vswitch_cidr="192.168.2.0/24")
    first, second, third = net.instance_ids
    havip = cloud.create_havip(net.vswitch_id)
    havip_id, address = havip["HaVipId"], havip["IpAddress"]
    cloud.associate(havip_id, first)
    cloud.associate(havip_id, second)
    poll(lambda: {PREFIX + first, PREFIX + second} <= set(namespaces()), "the instances' namespaces")
    macs = {i: link(i)["address"] for i in (first, second)}
    wait_both(cloud, havip_id, address, macs, first, ELECTION_TIMEOUT)

    control = Control(lab_server.endpoint)
    answer = control.ok("POST", f"havips/{havip_id}/failover", {"to": second})
    assert answer == {"haVipId": havip_id, "masterInstanceId": second}
    # It answers once the wire shows the new holder.
    assert answering(address, macs) == second
    assert cloud.havip(havip_id)["MasterInstanceId"] == second
    # The others' keepalived let go only while it moved; the address stays with the second (nopreempt).
    time.sleep(3)
    assert answering(address, macs) == second and cloud.havip(havip_id)["MasterInstanceId"] == second
    # And back.
    assert control.ok("POST", f"havips/{havip_id}/failover", {"to": first})["masterInstanceId"] == first
    assert answering(address, macs) == first

    # The model's refusals stand: an instance not associated, one not running; the address stays.
    error = control.refused("POST", f"havips/{havip_id}/failover", {"to": third})
    assert (error.status, error.code) == (400, "ResourceNotAssociated"), error.body
    cloud.call("StopInstance", InstanceId=second)
    error = control.refused("POST", f"havips/{havip_id}/failover", {"to": second})
    assert (error.status, error.code) == (400, "IncorrectInstanceStatus"), error.body
    assert answering(address, macs) == first


@needs_lab
def test_a_second_server_cannot_take_a_running_labs_prefix(lab_server, tmp_path):
    with pytest.raises(RuntimeError) as failed:
        make_server(tmp_path).start()
    assert f"another lab runs with the prefix {PREFIX}" in str(failed.value)
    assert len(namespaces()) >= 2, "the running lab was touched"


@needs_lab
def test_shutdown_leaves_nothing_and_a_restart_after_a_crash_rebuilds_the_lab_from_the_store(lab_server, tmp_path):
    # A prefix of its own: the module's server keeps running beside it.
    prefix = "hvcrash-"
    server = make_server(tmp_path, prefix)
    server.start()
    try:
        cloud = Cloud("tea_v3", server.endpoint)
        net = cloud.build(instances=2, vswitch_cidr="192.168.3.0/24")
        expected = {prefix + "lab", prefix + "client"} | {prefix + i for i in net.instance_ids}
        poll(lambda: set(namespaces(prefix)) == expected, "the lab's namespaces")
        # A mark in every namespace of this lab: a veth pair only the old namespaces have. (Not their inode
        # numbers: the kernel reuses a freed namespace's number at once, so a new namespace can have the old one's.)
        ip = shutil.which("ip", path=TOOL_PATH)
        for name in expected:
            subprocess.run([ip, "-n", name, "link", "add", "hvmark", "type", "veth", "peer", "name", "hvmark1"], check=True, timeout=10)

        def marked(name: str) -> bool:
            return subprocess.run([ip, "-n", name, "link", "show", "hvmark"], capture_output=True, timeout=10).returncode == 0

        # Killed: nothing is removed.
        server.kill()
        assert set(namespaces(prefix)) == expected and all(marked(name) for name in expected)
        # Started again on the same store: the leftovers go, and the lab is rebuilt from the store (new namespaces
        # of the same names, without the mark).
        server.start()
        poll(lambda: set(namespaces(prefix)) == expected and not any(marked(name) for name in expected),
             "the lab rebuilt from the store")
    finally:
        code = server.stop()
    assert code == 0, server.log_text()
    assert namespaces(prefix) == []


def test_the_data_plane_options_go_with_dataplane_netns(tmp_path):
    """Runs anywhere: the options are checked before anything else."""
    store = f"sqlite:{tmp_path / 'x.sqlite'}"
    for args in (["--vrrp", "none"], ["--lab-prefix", "mine-"]):
        done = subprocess.run([str(binary_path()), "serve", "--store", store, *args],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode != 0 and "--vrrp and --lab-prefix go with --dataplane netns" in done.stderr, done
    done = subprocess.run([str(binary_path()), "serve", "--store", store, "--dataplane", "netns", "--lab-prefix", "Bad_Prefix"],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode != 0 and "the lab prefix must be 1 to 16 lowercase letters" in done.stderr, done
