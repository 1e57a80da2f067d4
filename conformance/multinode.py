"""Several havip nodes on one PostgreSQL database (HAVIP_PG_URL, from scripts/with-postgres), for the
multi-node and outage tests; skipped without a database."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path
from typing import List, Sequence

import pytest

from .server import CONFIGURED_KEYS, HavipServer, binary_path

PG_URL = os.environ.get("HAVIP_PG_URL")

needs_postgres = pytest.mark.skipif(not PG_URL, reason="needs HAVIP_PG_URL (run under scripts/with-postgres)")


class PostgresNode(HavipServer):
    """A ``havip serve`` on the shared PostgreSQL database instead of its own SQLite file."""

    def command(self, port: int) -> List[str]:
        cmd = [str(self.binary), "serve", "--host", "127.0.0.1", "--port", str(port), "--store", PG_URL, "--pool-size", "8"]
        for key in CONFIGURED_KEYS:
            cmd += ["--access-key", f"{key.id}:{key.secret}:{key.account}"]
        return cmd + ["--auth", self.auth, "--log-level", "warning", *self.extra_args]


def start_nodes(workdir: Path, count: int, extra_args: Sequence[str] = ()) -> List[PostgresNode]:
    nodes = []
    for index in range(count):
        folder = workdir / f"node{index}"
        folder.mkdir(parents=True, exist_ok=True)
        node = PostgresNode(binary_path(), folder, extra_args=extra_args)
        node.start()
        nodes.append(node)
    return nodes


def pg_ctl(*args: str) -> None:
    """Runs pg_ctl on the test cluster (as the postgres user when we are root)."""
    command = [f"{os.environ['HAVIP_PG_BIN']}/pg_ctl", "-D", os.environ["HAVIP_PG_DATA"], *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def stop_postgres() -> None:
    pg_ctl("-m", "immediate", "stop")


def start_postgres() -> None:
    root = os.environ["HAVIP_PG_ROOT"]
    port = os.environ["HAVIP_PG_PORT"]
    pg_ctl("-l", f"{root}/postgres.log", "-w", "-o",
           f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off", "start")
