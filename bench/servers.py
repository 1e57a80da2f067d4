"""The processes a benchmark run measures: havip on SQLite, havip on PostgreSQL (one node, or three behind
nginx), the limit; their CPU time; and the signed API calls the harness makes to prepare a store."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import sign_requests  # noqa: E402

KEY = "bench:benchsecret"
ACCOUNT = "bench"
REGION = "cn-hangzhou"


def sh(*cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def free_port() -> int:
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_http(url: str, timeout: float = 120) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=1) as response:
                response.read()
                return time.monotonic() - started
        except OSError:
            time.sleep(0.01)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _stat(pid: int) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def tree_cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process (all its threads), of its children that ended (reaped), and of
    its live children: a havip server, or a whole PostgreSQL cluster or nginx from its first process."""
    tick = os.sysconf("SC_CLK_TCK")
    fields = _stat(pid)
    total = sum(int(fields[i]) for i in (11, 12, 13, 14))
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != pid:
            try:
                child = _stat(int(entry))
            except OSError:
                continue
            if int(child[1]) == pid:
                total += int(child[11]) + int(child[12])
    return total / tick


class Process:
    def __init__(self, cmd, health_url, log):
        self.proc = subprocess.Popen(cmd, stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        self.startup = wait_http(health_url)

    @property
    def pid(self) -> int:
        return self.proc.pid

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def havip(binary: Path, store: str, log, sqlite_sync: str = "normal", pool_size: int | None = None,
          extra_args: tuple[str, ...] = ()) -> Process:
    port = free_port()
    cmd = [str(binary / "havip"), "serve", "--port", str(port), "--store", store, "--access-key", f"{KEY}:{ACCOUNT}",
           "--log-level", "error", "--transition-delay", "0", "--sqlite-sync", sqlite_sync, *extra_args]
    if pool_size:
        cmd += ["--pool-size", str(pool_size)]
    server = Process(cmd, f"http://127.0.0.1:{port}/_havip/health", log)
    server.url = f"http://127.0.0.1:{port}"
    return server


def limit(binary: Path, size: int, mode: str, log) -> Process:
    port = free_port()
    server = Process([str(binary / "havip-bench-limit"), str(port), str(size), mode], f"http://127.0.0.1:{port}/", log)
    server.url = f"http://127.0.0.1:{port}"
    return server


class Deployment:
    """What answers one run's requests: `url` for wrk, and the process groups whose CPU time is counted
    (name → first process of the group)."""

    def __init__(self, url: str, groups: dict[str, list[int]], stop, rss_pid: int | None = None):
        self.url, self.groups, self._stop, self.rss_pid = url, groups, stop, rss_pid

    def cpu(self) -> dict[str, float]:
        return {name: sum(tree_cpu_seconds(pid) for pid in pids) for name, pids in self.groups.items()}

    def stop(self):
        self._stop()


# Signed API calls (preparing a store through the API, as a client would).

_nonce = [0]


def api(url: str, params: dict) -> dict:
    _nonce[0] += 1
    path = sign_requests.signed_path(params, KEY, f"prepare-{time.time_ns()}-{_nonce[0]}")
    try:
        with urllib.request.urlopen(url + path, timeout=30) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{params.get('Action')} answered {error.code}: {error.read().decode(errors='replace')}") from None


def add_create_vswitches(url: str, template_vswitch: str, needed: int) -> list[str]:
    """A new VPC (10.0.0.0/8) with as many empty /16 vSwitches as hold `needed` HaVips, made through the
    API: CreateHaVip runs spread over them never run out of addresses."""
    zone = api(url, {"Action": "DescribeVSwitches", "RegionId": REGION, "VSwitchId": template_vswitch})["VSwitches"]["VSwitch"][0]["ZoneId"]
    vpc = api(url, {"Action": "CreateVpc", "RegionId": REGION, "CidrBlock": "10.0.0.0/8", "VpcName": "bench-create"})["VpcId"]
    vswitches, capacity = [], 0
    while capacity < needed:
        created = api(url, {"Action": "CreateVSwitch", "RegionId": REGION, "VpcId": vpc, "ZoneId": zone,
                            "CidrBlock": f"10.{len(vswitches)}.0.0/16", "VSwitchName": f"bench-create-{len(vswitches)}"})["VSwitchId"]
        described = api(url, {"Action": "DescribeVSwitches", "RegionId": REGION, "VSwitchId": created})["VSwitches"]["VSwitch"][0]
        vswitches.append(created)
        capacity += int(described["AvailableIpAddressCount"])
    return vswitches


# SQLite.

def seed_sqlite(binary: Path, havips: int, folder: Path) -> Path:
    store = folder / f"havip-{havips}.sqlite"
    if not store.exists():
        partial = folder / f"havip-{havips}.partial.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        sh(str(binary / "havip"), "seed", "--store", f"sqlite:{partial}", "--account", ACCOUNT, "--havips", str(havips))
        copy_sqlite(partial, store)
    return store


def copy_sqlite(source_path: Path, copy: Path) -> Path:
    """A copy of the store at `source_path` (its nonce ledger, `-nonces`, is not copied: the copy starts with none)."""
    for suffix in ("", "-wal", "-shm", "-nonces", "-nonces-wal"):
        Path(str(copy) + suffix).unlink(missing_ok=True)
    source, target = sqlite3.connect(source_path), sqlite3.connect(copy)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()
    return copy


def sqlite_facts(store: Path) -> dict:
    db = sqlite3.connect(store)
    try:
        vpc, vswitch = db.execute("SELECT vpc_id, vswitch_id FROM havips WHERE account = ? ORDER BY created_at, id LIMIT 1", (ACCOUNT,)).fetchone()
        total = db.execute("SELECT COUNT(*) FROM havips WHERE account = ?", (ACCOUNT,)).fetchone()[0]
        mid = db.execute("SELECT id FROM havips WHERE account = ? ORDER BY created_at, id LIMIT 1 OFFSET ?", (ACCOUNT, total // 2)).fetchone()[0]
    finally:
        db.close()
    return {"vpc": vpc, "vswitch": vswitch, "havip": mid, "total": total}


def prepare_sqlite_create(binary: Path, seeded: Path, needed: int, log) -> tuple[Path, list[str]]:
    """The seeded store plus the create vSwitches (made once; every create run starts from a copy)."""
    base = seeded.with_name(seeded.stem + f"-create-{needed}.sqlite")
    info = base.with_suffix(".json")
    if base.exists() and info.exists():
        return base, json.loads(info.read_text())
    copy_sqlite(seeded, base)
    server = havip(binary, f"sqlite:{base}", log)
    try:
        vswitches = add_create_vswitches(server.url, sqlite_facts(seeded)["vswitch"], needed)
    finally:
        server.stop()
    info.write_text(json.dumps(vswitches))
    return base, vswitches


# PostgreSQL (the cluster scripts/with-postgres started) and nginx.

class Postgres:
    def __init__(self):
        try:
            self.port = os.environ["HAVIP_PG_PORT"]
            self.data = Path(os.environ["HAVIP_PG_DATA"])
            self.bin = Path(os.environ["HAVIP_PG_BIN"])
        except KeyError:
            raise SystemExit("the PostgreSQL runs need a cluster: run the harness under scripts/with-postgres") from None

    def admin(self, sql: str) -> str:
        return subprocess.run([str(self.bin / "psql"), "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-At", "-v", "ON_ERROR_STOP=1",
                               "-c", sql], check=True, capture_output=True, text=True).stdout.strip()

    def query(self, db: str, sql: str) -> list[list[str]]:
        out = subprocess.run([str(self.bin / "psql"), "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-d", db, "-At", "-F", "\t",
                              "-v", "ON_ERROR_STOP=1", "-c", sql], check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def url(self, db: str) -> str:
        return f"postgres://havip:havip@127.0.0.1:{self.port}/{db}"

    def exists(self, db: str) -> bool:
        return self.admin(f"SELECT 1 FROM pg_database WHERE datname = '{db}'") == "1"

    def copy(self, template: str, db: str) -> str:
        self.drop(db)
        self.admin(f"CREATE DATABASE {db} TEMPLATE {template} OWNER havip")
        return db

    def drop(self, db: str) -> None:
        self.admin(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")

    def postmaster(self) -> int:
        return int((self.data / "postmaster.pid").read_text().splitlines()[0])

    def seed(self, binary: Path, havips: int) -> str:
        db = f"bench_seed_{havips}"
        if not self.exists(db):
            partial = f"bench_partial_{havips}"
            self.drop(partial)
            self.admin(f"CREATE DATABASE {partial} OWNER havip")
            sh(str(binary / "havip"), "seed", "--store", self.url(partial), "--account", ACCOUNT, "--havips", str(havips))
            self.admin(f"ALTER DATABASE {partial} RENAME TO {db}")
            subprocess.run([str(self.bin / "vacuumdb"), "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", "-z", "-q", db], check=True)
        return db

    def facts(self, db: str) -> dict:
        (vpc, vswitch), = self.query(db, f"SELECT vpc_id, vswitch_id FROM havips WHERE account = '{ACCOUNT}' ORDER BY created_at, id LIMIT 1")
        total = int(self.query(db, f"SELECT COUNT(*) FROM havips WHERE account = '{ACCOUNT}'")[0][0])
        (mid,), = self.query(db, f"SELECT id FROM havips WHERE account = '{ACCOUNT}' ORDER BY created_at, id LIMIT 1 OFFSET {total // 2}")
        return {"vpc": vpc, "vswitch": vswitch, "havip": mid, "total": total}

    def prepare_create(self, binary: Path, seeded: str, needed: int, log) -> tuple[str, list[str]]:
        db = f"{seeded}_create"
        self.copy(seeded, db)
        server = havip(binary, self.url(db), log)
        try:
            vswitches = add_create_vswitches(server.url, self.facts(seeded)["vswitch"], needed)
        finally:
            server.stop()
        return db, vswitches


def ensure_nginx() -> str:
    if not shutil.which("nginx"):
        print("installing nginx from Debian's packages", file=sys.stderr)
        sh("apt-get", "update", "-qq")
        if subprocess.run(["apt-get", "install", "-y", "-qq", "nginx-light"], check=False).returncode != 0:
            sh("apt-get", "install", "-y", "-qq", "nginx")
    return shutil.which("nginx")


def postgres_deployment(binary: Path, pg: Postgres, db: str, nodes: int, work: Path, log, pool_size: int) -> Deployment:
    """`nodes` havip servers on the database `db`; with more than one, nginx in front (deploy/nginx.conf.template,
    as scripts/with-cluster sets it up)."""
    servers = [havip(binary, pg.url(db), log, pool_size=pool_size) for _ in range(nodes)]
    if nodes == 1:
        def stop_one():
            servers[0].stop()
        return Deployment(servers[0].url, {"havip": [servers[0].pid], "postgres": [pg.postmaster()]}, stop_one, servers[0].pid)
    folder = work / "nginx"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    port = free_port()
    upstreams = "".join(f"        server {s.url.removeprefix('http://')};\n" for s in servers)
    conf = (ROOT / "deploy" / "nginx.conf.template").read_text().replace("@DIR@", str(folder)).replace("@PORT@", str(port))
    conf = "\n".join(upstreams.rstrip("\n") if line == "@UPSTREAMS@" else line for line in conf.splitlines()) + "\n"
    (folder / "nginx.conf").write_text(conf)
    proxy = subprocess.Popen([ensure_nginx(), "-c", str(folder / "nginx.conf"), "-p", str(folder)], stdout=log, stderr=log)
    wait_http(f"http://127.0.0.1:{port}/_havip/health")

    def stop_all():
        proxy.send_signal(signal.SIGTERM)
        proxy.wait(timeout=30)
        for server in servers:
            server.stop()
    return Deployment(f"http://127.0.0.1:{port}", {"havip": [s.pid for s in servers], "postgres": [pg.postmaster()], "nginx": [proxy.pid]},
                      stop_all, servers[0].pid)
