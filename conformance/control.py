"""The control API under ``/_havip/`` (docs/controls.md), over plain HTTP with the admin token.

``HAVIP_ADMIN_TOKEN`` names the token when the servers under test were given ``--admin-token``; the
default is the development token every ``havip serve`` without it takes. ``HAVIP_CLUSTER_NODES``
(``scripts/with-cluster``) lists the nodes behind the balancer; ``cluster_nodes()`` answers them."""

from __future__ import annotations

import os
import time
from typing import Any, Dict, List, Optional

import requests

from .server import Endpoint

DEVELOPMENT_TOKEN = "havip-dev-admin-token"
ADMIN_TOKEN = os.environ.get("HAVIP_ADMIN_TOKEN") or DEVELOPMENT_TOKEN
TIMEOUT = 30
# How long a fault added or deleted through one node may take to be in force on the others (docs/controls.md):
# each node polls the faults' generation every 0.25 s, and PostgreSQL's NOTIFY usually tells it in milliseconds.
FAULT_PROPAGATION_BOUND = 1.0


def cluster_nodes() -> List[Endpoint]:
    """The nodes behind the balancer (``HAVIP_CLUSTER_NODES``), or none."""
    return [Endpoint.parse(node) for node in os.environ.get("HAVIP_CLUSTER_NODES", "").split()]


class ControlError(Exception):
    def __init__(self, status: int, body: Dict[str, Any]):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.code = body.get("error")
        self.detail = body.get("detail")
        self.body = body


class Control:
    """One server's (or the balancer's) control API."""

    def __init__(self, endpoint: Endpoint, token: Optional[str] = ADMIN_TOKEN):
        self.endpoint = endpoint
        self.token = token

    def request(self, method: str, path: str, body: Any = None, **query: Any) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token is not None else {}
        return requests.request(method, f"{self.endpoint.base_url}/_havip/{path}", json=body, headers=headers,
                                params={k: v for k, v in query.items() if v is not None}, timeout=TIMEOUT)

    def ok(self, method: str, path: str, body: Any = None, **query: Any) -> Any:
        """The answer's JSON (None for 204); a refusal raises ``ControlError``."""
        response = self.request(method, path, body, **query)
        if response.status_code >= 300:
            raise ControlError(response.status_code, response.json())
        if response.status_code == 204:
            return None
        assert response.headers["Content-Type"].startswith("application/json"), response.headers
        return response.json()

    def refused(self, method: str, path: str, body: Any = None, **query: Any) -> ControlError:
        try:
            self.ok(method, path, body, **query)
        except ControlError as error:
            assert set(error.body) == {"error", "detail"}, error.body
            return error
        raise AssertionError(f"{method} /_havip/{path} was accepted")

    # ----------------------------------------------------------------------- endpoints

    def reset(self, account: Optional[str] = None) -> Dict[str, Any]:
        return self.ok("POST", "reset", {"account": account} if account else {})

    def save(self, name: str) -> Dict[str, Any]:
        return self.ok("POST", "snapshots", {"name": name})

    def restore(self, name: str) -> Dict[str, Any]:
        return self.ok("POST", f"snapshots/{name}/restore")

    def delete_snapshot(self, name: str) -> None:
        self.ok("DELETE", f"snapshots/{name}")

    def world(self, document: Dict[str, Any]) -> Dict[str, Dict[str, str]]:
        return self.ok("POST", "world", document)

    def resource_group(self, name: str, account: str) -> str:
        """A new resource group of ``account`` (a world document of it alone): its ID."""
        return self.world({"account": account, "resourceGroups": [{"name": name}]})["resourceGroups"][name]

    def transitions(self) -> Dict[str, Any]:
        return self.ok("GET", "transitions")

    def set_transitions(self, mode: Dict[str, Any]) -> Dict[str, Any]:
        return self.ok("PUT", "transitions", mode)

    def step(self) -> int:
        return self.ok("POST", "transitions/step")["advanced"]

    def add_fault(self, **rule: Any) -> Dict[str, Any]:
        return self.ok("POST", "faults", rule)

    def faults(self) -> List[Dict[str, Any]]:
        return self.ok("GET", "faults")["faults"]

    def delete_fault(self, fault_id: str) -> None:
        self.ok("DELETE", f"faults/{fault_id}")

    def clear_faults(self) -> None:
        self.ok("DELETE", "faults")

    def failover(self, havip_id: str, to: str) -> Dict[str, Any]:
        return self.ok("POST", f"havips/{havip_id}/failover", {"to": to})

    def requests(self, action: Optional[str] = None, account: Optional[str] = None,
                 limit: Optional[int] = None) -> List[Dict[str, Any]]:
        return self.ok("GET", "requests", action=action, account=account, limit=limit)["requests"]


def settle_faults() -> None:
    """Through several nodes, wait out the bound in which every node learns of a fault change."""
    if cluster_nodes():
        time.sleep(FAULT_PROPAGATION_BOUND)
