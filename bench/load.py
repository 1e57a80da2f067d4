"""The load: wrk replaying pre-signed requests (replay.lua), or the mixed load (mix.lua), against a
deployment, with the CPU time of its processes over the run and the error codes of every non-2xx answer."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

from servers import BENCH, KEY, Deployment, sh


class Signer:
    """Files of one-time signed paths per scenario, re-made before their 15-minute window closes (each
    run starts a fresh server on a fresh copy of its store, which remembers no nonce, so one file serves every
    run of a scenario)."""

    def __init__(self, work: Path):
        self.work, self.made = work, {}

    def paths(self, name: str, count: int, params: list[str], cycle: dict[str, list[str]] | None = None, split: int = 0) -> Path:
        out = self.work / f"paths-{name}.txt"
        if time.time() - self.made.get(name, 0) > 12 * 60:
            extra = [f"--cycle={key}={','.join(values)}" for key, values in (cycle or {}).items()]
            sh(sys.executable, str(BENCH / "sign_requests.py"), "--count", str(count), "--out", str(out), "--key", KEY, *extra, *params)
            if split:
                files = [open(f"{out}.{index}", "w") for index in range(split)]
                with open(out) as lines:
                    for index, line in enumerate(lines):
                        files[index % split].write(line)
                for file in files:
                    file.close()
            self.made[name] = time.time()
        return out


def _ms(out: str, label: str) -> float:
    match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def _errors(out: str) -> dict[str, int]:
    return {f"{m.group(1)} {m.group(2)}": int(m.group(3)) for m in re.finditer(r"^error (\d+) (\S+) (\d+)$", out, re.M)}


def _run(cmd: list[str], deployment: Deployment) -> tuple[str, dict]:
    """wrk's output, and the CPU seconds each process group of the deployment used over the run."""
    before = deployment.cpu()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    after = deployment.cpu()
    return out, {name: after[name] - before[name] for name in before}


def _measured(out: str, cpu: dict) -> dict:
    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    socket_errors = re.search(r"Socket errors: (.*)", out)
    return {
        "requests": requests,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50_ms": _ms(out, "50"), "p99_ms": _ms(out, "99"),
        "non2xx": int(non2xx.group(1)) if non2xx else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
        "error_codes": _errors(out),
        "cpu_us_per_request": {name: seconds / requests * 1e6 if requests else None for name, seconds in cpu.items()},
    }


def replay(deployment: Deployment, connections: int, duration: int, paths: Path) -> dict:
    """wrk with `connections` connections over two threads, each request a path of `paths` used once."""
    threads = min(2, connections)
    cmd = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
           "-s", str(BENCH / "replay.lua"), deployment.url, "--", str(paths), str(threads)]
    out, cpu = _run(cmd, deployment)
    return _measured(out, cpu)


def mix(deployment: Deployment, connections: int, duration: int, by_id: Path, deep: Path, fraction: float) -> dict:
    """wrk with one thread per connection: each request by-id or, with probability `fraction`, a deep page;
    the latency of each kind on its own."""
    cmd = ["wrk", f"-t{connections}", f"-c{connections}", f"-d{duration}s", "--latency", "--timeout", "10s",
           "-s", str(BENCH / "mix.lua"), deployment.url, "--", str(by_id), str(deep), str(fraction)]
    out, cpu = _run(cmd, deployment)
    result = _measured(out, cpu)
    for match in re.finditer(r"^class (\S+) (\d+) ([\d.]+) ([\d.]+) ([\d.]+)$", out, re.M):
        result[match.group(1)] = {"count": int(match.group(2)), "p50_ms": float(match.group(3)), "p99_ms": float(match.group(4)),
                                  "max_ms": float(match.group(5))}
    return result


def has_errors(run: dict) -> bool:
    return bool(run["non2xx"] or run["error_codes"] or run["socket_errors"])
