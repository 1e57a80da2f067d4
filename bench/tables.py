"""The Markdown tables of a benchmark run: medians of the runs without errors; a run with any non-2xx
answer or socket error is left out of the medians and listed, with its error codes, in the table."""

from __future__ import annotations

import statistics

from load import has_errors


def _fmt(value, pattern: str) -> str:
    return pattern.format(value) if value is not None else "–"


def _select(runs, **match):
    return [r for r in runs if all(r.get(k) == v for k, v in match.items())]


def _median(runs, field):
    values = [field(r) for r in runs if not has_errors(r)]
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def _cpu(run, group=None):
    cpu = run["cpu_us_per_request"]
    if group:
        return cpu.get(group)
    return sum(v for v in cpu.values() if v is not None) if cpu else None


def _errors(runs) -> str:
    bad = [r for r in runs if has_errors(r)]
    if not bad:
        return f"0/{len(runs)}" if runs else "–"
    codes: dict[str, int] = {}
    for r in bad:
        for code, count in r["error_codes"].items():
            codes[code] = codes.get(code, 0) + count
        if r["socket_errors"]:
            codes["socket: " + r["socket_errors"]] = codes.get("socket: " + r["socket_errors"], 0) + 1
    listed = ", ".join(f"{code} ×{count}" for code, count in sorted(codes.items()))
    return f"**{len(bad)}/{len(runs)}** ({listed or str(sum(r['non2xx'] for r in bad)) + ' non-2xx'})"


def reads(results) -> str:
    runs = _select(results["runs"], table="reads")
    keys = sorted({(r["scenario"], r["connections"]) for r in runs})
    lines = ["| scenario | conns | havip req/s | p50 ms | p99 ms | CPU µs/req | limit req/s | limit CPU µs/req | limit-hop req/s"
             " | limit-hop CPU µs/req | moto req/s | moto p50 ms | havip/limit | havip/moto | runs with errors |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scenario, connections in keys:
        of = {s: _select(runs, server=s, scenario=scenario, connections=connections) for s in ("havip", "limit", "limit-hop", "moto")}
        h, l, lh, m = (_median(of[s], lambda r: r["rps"]) for s in ("havip", "limit", "limit-hop", "moto"))
        errors = "; ".join(f"{s} {_errors(of[s])}" for s in of if of[s] and any(has_errors(r) for r in of[s])) or "none"
        lines.append("| " + " | ".join([
            scenario, str(connections), _fmt(h, "{:.0f}"), _fmt(_median(of["havip"], lambda r: r["p50_ms"]), "{:.2f}"),
            _fmt(_median(of["havip"], lambda r: r["p99_ms"]), "{:.2f}"), _fmt(_median(of["havip"], _cpu), "{:.0f}"),
            _fmt(l, "{:.0f}"), _fmt(_median(of["limit"], _cpu), "{:.0f}"), _fmt(lh, "{:.0f}"), _fmt(_median(of["limit-hop"], _cpu), "{:.0f}"),
            _fmt(m, "{:.1f}"), _fmt(_median(of["moto"], lambda r: r["p50_ms"]), "{:.1f}"),
            _fmt(h / l if h and l else None, "{:.0%}"), _fmt(h / m if h and m else None, "{:.0f}×"), errors]) + " |")
    return "\n".join(lines)


def variants(results) -> str:
    """havip beside each --variant (another build or other options), run after run on the same store."""
    runs = _select(results["runs"], table="reads")
    names = sorted({r["server"] for r in runs if r["server"].startswith("havip:")})
    if not names:
        return ""
    lines = ["| scenario | conns | server | req/s | p50 ms | p99 ms | CPU µs/req | req/s vs havip | runs with errors |",
             "|---|---|---|---|---|---|---|---|---|"]
    for scenario, connections in sorted({(r["scenario"], r["connections"]) for r in runs if r["server"] in names}):
        base = _median(_select(runs, server="havip", scenario=scenario, connections=connections), lambda r: r["rps"])
        for server in ["havip"] + names:
            of = _select(runs, server=server, scenario=scenario, connections=connections)
            rps = _median(of, lambda r: r["rps"])
            lines.append("| " + " | ".join([
                scenario, str(connections), server, _fmt(rps, "{:.0f}"), _fmt(_median(of, lambda r: r["p50_ms"]), "{:.2f}"),
                _fmt(_median(of, lambda r: r["p99_ms"]), "{:.2f}"), _fmt(_median(of, _cpu), "{:.0f}"),
                _fmt(rps / base if rps and base else None, "{:.0%}"), _errors(of)]) + " |")
    return "\n".join(lines)


def create(results, table="create") -> str:
    runs = [r for r in results["runs"] if r["table"] == table and r["scenario"].startswith("create")]
    keys = sorted({(r["scenario"], r["connections"]) for r in runs})
    lines = ["| sync | conns | creates/s | p50 ms | p99 ms | CPU µs/create | runs with errors |", "|---|---|---|---|---|---|---|"]
    for scenario, connections in keys:
        of = _select(runs, scenario=scenario, connections=connections)
        sync = "normal" if scenario == "create" else scenario.removeprefix("create-")
        lines.append("| " + " | ".join([
            sync, str(connections), _fmt(_median(of, lambda r: r["rps"]), "{:.0f}"), _fmt(_median(of, lambda r: r["p50_ms"]), "{:.2f}"),
            _fmt(_median(of, lambda r: r["p99_ms"]), "{:.2f}"), _fmt(_median(of, _cpu), "{:.0f}"), _errors(of)]) + " |")
    return "\n".join(lines)


def mixed(results) -> str:
    runs = _select(results["runs"], table="mixed")
    if not runs:
        return ""
    lines = ["| load | conns | req/s | by-id p50 ms | by-id p99 ms | deep-page p50 ms | deep-page p99 ms | deep pages | CPU µs/req"
             " | runs with errors |", "|---|---|---|---|---|---|---|---|---|---|"]
    p99 = {}
    for name in ("by-id alone", "mixed"):
        of = _select(runs, scenario=name)
        if not of:
            continue
        kind = lambda k, f: (lambda r: r.get(k, {}).get(f))  # noqa: E731
        p99[name] = _median(of, kind("by-id", "p99_ms"))
        lines.append("| " + " | ".join([
            name, str(of[0]["connections"]), _fmt(_median(of, lambda r: r["rps"]), "{:.0f}"), _fmt(_median(of, kind("by-id", "p50_ms")), "{:.2f}"),
            _fmt(p99[name], "{:.2f}"), _fmt(_median(of, kind("deep-page", "p50_ms")), "{:.2f}"), _fmt(_median(of, kind("deep-page", "p99_ms")), "{:.2f}"),
            _fmt(_median(of, kind("deep-page", "count")), "{:.0f}"), _fmt(_median(of, _cpu), "{:.0f}"), _errors(of)]) + " |")
    if p99.get("mixed") and p99.get("by-id alone"):
        ratio = p99["mixed"] / p99["by-id alone"]
        lines.append(f"\nFairness: by-id p99 in the mix is **{ratio:.2f}×** its p99 alone (target ≤ 2×: {'met' if ratio <= 2 else 'not met'}).")
    return "\n".join(lines)


def stores(results) -> str:
    runs = [r for r in results["runs"] if r["table"] in ("reads", "create", "stores") and r["server"] == "havip"
            and r["scenario"] in ("by-vpc", "by-id", "create")]
    order = {"sqlite": 0, "pg-1": 1, "pg-3": 2}
    keys = sorted({(r["scenario"], r["connections"], r["store"]) for r in runs if r["store"] in order},
                  key=lambda k: (k[0], k[1], order[k[2]]))
    if not any(k[2] != "sqlite" for k in keys):
        return ""
    lines = ["| scenario | conns | store | req/s | p50 ms | p99 ms | havip CPU µs/req | postgres CPU µs/req | nginx CPU µs/req"
             " | all CPU µs/req | CPU vs SQLite | runs with errors |", "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for scenario, connections, store in keys:
        of = _select(runs, scenario=scenario, connections=connections, store=store)
        sqlite = _median(_select(runs, scenario=scenario, connections=connections, store="sqlite"), _cpu)
        total = _median(of, _cpu)
        lines.append("| " + " | ".join([
            scenario, str(connections), store, _fmt(_median(of, lambda r: r["rps"]), "{:.0f}"), _fmt(_median(of, lambda r: r["p50_ms"]), "{:.2f}"),
            _fmt(_median(of, lambda r: r["p99_ms"]), "{:.2f}"), _fmt(_median(of, lambda r: _cpu(r, "havip")), "{:.0f}"),
            _fmt(_median(of, lambda r: _cpu(r, "postgres")), "{:.0f}"), _fmt(_median(of, lambda r: _cpu(r, "nginx")), "{:.0f}"),
            _fmt(total, "{:.0f}"), _fmt(total / sqlite if total and sqlite else None, "{:.1f}×"), _errors(of)]) + " |")
    return "\n".join(lines)


def render(results) -> str:
    parts = [("DescribeHaVips beside the limit and moto", reads(results)), ("havip beside its variants", variants(results)),
             ("CreateHaVip", create(results)),
             ("Mixed load: by-id and deep pages", mixed(results)), ("SQLite and PostgreSQL", stores(results))]
    return "\n\n".join(f"### {title}\n\n{body}" for title, body in parts if body and body.count("\n") > 1)


if __name__ == "__main__":
    import json
    import sys
    print(render(json.loads(open(sys.argv[1]).read())))
