"""Starting and stopping a havip server for the suite, and where to reach it."""

from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BINARY = REPO_ROOT / ".build" / "debug" / "havip"
HEALTH_PATH = "/_havip/health"
STARTUP_TIMEOUT = 30.0
SHUTDOWN_TIMEOUT = 15.0


@dataclass(frozen=True)
class AccessKey:
    id: str
    secret: str
    account: Optional[str] = None


# The keys every havip under test is configured with (see README.md).
TEST_KEY = AccessKey("testid", "testsecret", "1111111111111111")
OTHER_KEY = AccessKey("otherid", "othersecret", "2222222222222222")
CONFIGURED_KEYS = (TEST_KEY, OTHER_KEY)


@dataclass(frozen=True)
class Endpoint:
    host: str
    port: int
    # An HTTPS listener: its scheme and the PEM file of the CA its certificate chains to.
    scheme: str = "http"
    ca: Optional[str] = None

    @classmethod
    def parse(cls, value: str) -> "Endpoint":
        """``host:port`` (a leading ``http://`` is tolerated)."""
        value = value.strip().removeprefix("http://").rstrip("/")
        host, sep, port = value.rpartition(":")
        if not sep or not host or not port.isdigit():
            raise ValueError(f"endpoint must be host:port, got {value!r}")
        return cls(host, int(port))

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        return f"{self.scheme}://{self.netloc}"


def health(endpoint: Endpoint, timeout: float = 2.0) -> Optional[dict]:
    """The health document, or None when the server does not answer 200 JSON (over TLS, trusting
    ``endpoint.ca`` only)."""
    try:
        # The CA file of a self-signed server appears while it starts.
        context = ssl.create_default_context(cafile=endpoint.ca) if endpoint.scheme == "https" else None
        with urllib.request.urlopen(endpoint.base_url + HEALTH_PATH, timeout=timeout, context=context) as resp:
            if resp.status != 200:
                return None
            return json.loads(resp.read())
    except (OSError, ValueError, urllib.error.URLError):
        return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def binary_path() -> Path:
    return Path(os.environ.get("HAVIP_BIN") or DEFAULT_BINARY)


class HavipServer:
    """One ``havip serve`` process with its own SQLite store and log file.

    ``extra_args`` go after the standard ones (``--transition-delay 1``, ``--max-havip-associations 2``).
    ``restart()`` and ``kill()`` then ``start()`` keep the store file and the port, so clients built
    for the first process keep working.

    With ``--tls self-signed`` or ``--tls-cert``/``--tls-key`` the server listens for HTTPS: its
    endpoint has scheme ``https`` and ``ca``, the CA to trust (``tls/ca.pem`` beside the store for
    ``self-signed``, else the ``ca`` given here)."""

    def __init__(self, binary: Path, workdir: Path, auth: str = "strict", extra_args: Sequence[str] = (),
                 ca: Optional[Path] = None):
        self.binary = binary
        self.workdir = workdir
        self.auth = auth
        self.extra_args = tuple(extra_args)
        self.log_path = workdir / "havip.log"
        self.store_path = workdir / "havip.sqlite"
        self.tls = "--tls" in self.extra_args or "--tls-cert" in self.extra_args
        self.ca = ca or (workdir / "tls" / "ca.pem" if "self-signed" in self.extra_args else None)
        self.endpoint: Optional[Endpoint] = None
        self._proc: Optional[subprocess.Popen] = None

    @property
    def name(self) -> str:
        return " ".join(("--auth", self.auth) + self.extra_args)

    def command(self, port: int) -> List[str]:
        cmd = [
            str(self.binary), "serve",
            "--host", "127.0.0.1",
            "--port", str(port),
            "--store", f"sqlite:{self.store_path}",
        ]
        for key in CONFIGURED_KEYS:
            cmd += ["--access-key", f"{key.id}:{key.secret}:{key.account}"]
        return cmd + ["--auth", self.auth, "--log-level", "warning", *self.extra_args]

    def start(self) -> Endpoint:
        if not self.binary.is_file():
            raise RuntimeError(
                f"havip binary not found at {self.binary}: build it (swift build), "
                "or set HAVIP_BIN, or point HAVIP_ENDPOINT at a running server"
            )
        endpoint = self.endpoint or Endpoint("127.0.0.1", free_port(), *(
            ("https", str(self.ca)) if self.tls else ()))
        with open(self.log_path, "ab") as log:
            self._proc = subprocess.Popen(
                self.command(endpoint.port), stdout=log, stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL, cwd=self.workdir,
            )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise RuntimeError(
                    f"havip exited with {self._proc.returncode} during startup\n{self.log_text()}"
                )
            if health(endpoint) is not None:
                self.endpoint = endpoint
                return endpoint
            time.sleep(0.1)
        self._kill()
        raise RuntimeError(
            f"havip not healthy on {endpoint.netloc} after {STARTUP_TIMEOUT:.0f} s\n{self.log_text()}"
        )

    def stop(self) -> int:
        """SIGTERM, wait, and return the exit code (killed after a timeout: -9)."""
        if self._proc is None:
            return 0
        if self._proc.poll() is None:
            self._proc.send_signal(signal.SIGTERM)
            try:
                self._proc.wait(timeout=SHUTDOWN_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._kill()
        return self._proc.returncode

    def restart(self) -> Endpoint:
        """SIGTERM (which must end the process with 0), then start again on the same store and port."""
        code = self.stop()
        if code != 0:
            raise RuntimeError(f"havip exited with {code} on SIGTERM\n{self.log_text()}")
        return self.start()

    def kill(self) -> int:
        """SIGKILL at once (a crash): nothing is flushed or closed. Returns the exit code (-9)."""
        self._kill()
        return self._proc.returncode if self._proc is not None else 0

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def _kill(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()

    def log_text(self, last_lines: int = 200) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return "(no log)"
        return "\n".join(lines[-last_lines:]) or "(empty log)"
