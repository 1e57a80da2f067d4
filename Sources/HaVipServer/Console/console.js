// havip console: reads /_havip/overview, /_havip/state and the journal every second, and calls the control
// API for the buttons. Every call carries the admin token, asked once and kept in sessionStorage (this tab).
"use strict";

const TOKEN_KEY = "havip-admin-token";
const PAGE_SIZE = 12;
const JOURNAL_LIMIT = 200;
const view = { account: "", region: "cn-hangzhou", vSwitchId: "", page: 1 };
const shown = { state: "", journal: "", faults: "", snapshots: "" };
let lastState = null;

const $ = (id) => document.getElementById(id);

/** An element with attributes (`on*` are listeners) and children (strings become text). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function say(text, isError = false) {
  const message = $("message");
  message.textContent = text;
  message.style.color = isError ? "#ff8a80" : "";
}

// ------------------------------------------------------------------------------------------- the token

function token() { return sessionStorage.getItem(TOKEN_KEY); }

let asking = null;
/** Shows the token dialog; resolves once a token the server accepts is stored. */
function askToken(reason = "") {
  if (asking) return asking;
  $("token-error").textContent = reason;
  $("token").value = "";
  asking = new Promise((resolve) => {
    $("token-form").onsubmit = async (event) => {
      event.preventDefault();
      const candidate = $("token").value.trim();
      const answer = await fetch("/_havip/overview", { headers: { Authorization: `Bearer ${candidate}` } });
      if (answer.status === 401) { $("token-error").textContent = "The server refused that token."; return; }
      sessionStorage.setItem(TOKEN_KEY, candidate);
      $("token-dialog").close();
      asking = null;
      resolve();
    };
  });
  $("token-dialog").showModal();
  return asking;
}

/** A control API call: the answer's JSON (null for 204). A refusal throws its detail; 401 asks for the token. */
async function api(method, path, body) {
  if (!token()) await askToken();
  const headers = { Authorization: `Bearer ${token()}` };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const answer = await fetch(`/_havip/${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (answer.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
    await askToken("The server refused the token.");
    return api(method, path, body);
  }
  if (answer.status === 204) return null;
  const json = await answer.json();
  if (!answer.ok) throw new Error(`${json.error}: ${json.detail}`);
  return json;
}

/** Runs a button's call, says how it went, and refreshes at once. */
async function act(description, call) {
  try {
    const result = await call();
    say(typeof description === "function" ? description(result) : description);
  } catch (error) {
    say(error.message, true);
  }
  await refreshAll();
}

const query = (values) => Object.entries(values).filter(([, v]) => v !== "" && v !== undefined)
  .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");

// ------------------------------------------------------------------------------------------- the picker

/** The view a link names (`#account=…&region=…&vswitch=…`), else the one this tab last showed. */
function savedView() {
  const link = new URLSearchParams(location.hash.slice(1));
  if (link.has("account")) return { account: link.get("account"), region: link.get("region"), vSwitchId: link.get("vswitch") || "" };
  return JSON.parse(sessionStorage.getItem("havip-view") || "{}");
}

async function loadOverview() {
  const overview = await api("GET", "overview");
  const saved = savedView();
  const accounts = overview.accounts;
  if (saved.account && !accounts.includes(saved.account)) accounts.push(saved.account);
  view.account = saved.account || accounts[0] || "";
  view.region = saved.region || view.region;
  view.vSwitchId = saved.vSwitchId || "";
  fillSelect($("account"), accounts.map((a) => [a, a]), view.account);
  fillSelect($("region"), overview.regions.map((r) => [r.regionId, `${r.regionId} — ${r.name}`]), view.region);
}

function fillSelect(select, options, selected) {
  select.replaceChildren(...options.map(([value, label]) => h("option", { value, selected: value === selected }, label)));
}

function choose(changes) {
  Object.assign(view, changes);
  sessionStorage.setItem("havip-view", JSON.stringify({ account: view.account, region: view.region, vSwitchId: view.vSwitchId }));
  history.replaceState(null, "", `#${query({ account: view.account, region: view.region, vswitch: view.vSwitchId })}`);
  shown.state = "";
  refreshState();
}

// ------------------------------------------------------------------------------------------- the state

async function refreshState() {
  const state = await api("GET", `state?${query({ account: view.account, region: view.region, vSwitchId: view.vSwitchId, page: view.page, pageSize: PAGE_SIZE })}`);
  const text = JSON.stringify(state);
  if (text === shown.state) return;
  shown.state = text;
  lastState = state;
  renderNetwork(state);
  renderHaVips(state);
}

function renderNetwork(state) {
  $("vpc-total").textContent = `${state.vpcs.total}`;
  const all = h("li", {}, h("button", {
    class: `vswitch${view.vSwitchId ? "" : " selected"}`, type: "button",
    onclick: () => choose({ vSwitchId: "", page: 1 }),
  }, "All vSwitches"));
  const vpcs = state.vpcs.items.map((vpc) => h("li", { class: "vpc" },
    h("div", {}, vpc.name || vpc.vpcId, " ", h("span", { class: "cidr muted" }, vpc.cidrBlock)),
    h("div", { class: "mono muted" }, vpc.vpcId),
    h("ul", {}, vpc.vSwitches.map((vs) => h("li", {},
      h("button", {
        class: `vswitch${vs.vSwitchId === view.vSwitchId ? " selected" : ""}`, type: "button", "data-vswitch": vs.vSwitchId,
        onclick: () => choose({ vSwitchId: vs.vSwitchId, page: 1 }),
      },
      h("div", {}, vs.name || vs.vSwitchId, " ", h("span", { class: "cidr" }, vs.cidrBlock)),
      h("div", { class: "muted" }, `${vs.zoneId} · ${vs.availableIpAddressCount} free`)))))));
  $("vpcs").replaceChildren(all, ...vpcs);
  if (!state.vpcs.items.length) $("vpcs").append(h("li", { class: "empty" }, "No VPC in this region."));
  $("instance-total").textContent = `${state.instances.total}`;
  $("instances").replaceChildren(...state.instances.items.map((instance) => h("li", { "data-instance": instance.instanceId },
    h("span", {}, h("span", { class: "mono" }, instance.instanceId), h("br"), h("span", { class: "muted" }, instance.name)),
    h("span", { class: "mono" }, instance.privateIpAddress, h("br"), h("span", { class: "muted" }, instance.status)))));
}

function renderHaVips(state) {
  const page = state.haVips;
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  $("havip-scope").textContent = `${page.total} in ${view.vSwitchId || "every vSwitch"}`;
  $("page-info").textContent = `page ${page.page} of ${pages}`;
  $("prev-page").disabled = page.page <= 1;
  $("next-page").disabled = page.page >= pages;
  if (!page.items.length) {
    $("havips").replaceChildren(h("p", { class: "empty" }, "No HaVip here."));
    return;
  }
  $("havips").replaceChildren(...page.items.map(card));
}

function card(haVip) {
  const members = haVip.associatedInstances.map((instance) => {
    const master = instance === haVip.masterInstanceId;
    return h("li", { class: master ? "master" : "", "data-instance": instance },
      h("span", { class: "mono" }, instance),
      master ? h("span", { class: "badge master" }, "master")
        : h("button", {
          type: "button", class: "failover", "data-target": instance,
          onclick: () => act((r) => `${r.haVipId}: master is now ${r.masterInstanceId}`,
            () => api("POST", `havips/${encodeURIComponent(haVip.haVipId)}/failover`, { to: instance, account: view.account })),
        }, "Fail over here"));
  });
  return h("article", { class: "card", id: `havip-${haVip.haVipId}`, "data-havip": haVip.haVipId, "data-master": haVip.masterInstanceId || "" },
    h("h3", {}, h("span", { class: "mono" }, haVip.haVipId), h("span", { class: `badge status-${haVip.status}` }, haVip.status)),
    h("div", { class: "address" }, haVip.ipAddress),
    h("dl", {},
      h("dt", {}, "Name"), h("dd", {}, haVip.name || "—"),
      h("dt", {}, "vSwitch"), h("dd", { class: "mono" }, haVip.vSwitchId),
      h("dt", {}, "Instances"), h("dd", {}, members.length ? h("ul", { class: "members" }, members) : "none"),
      h("dt", {}, "EIP"), h("dd", { class: "mono" }, haVip.eipAddresses.join(", ") || "—"),
      h("dt", {}, "Tags"), h("dd", {}, haVip.tags.length ? haVip.tags.map((t) => h("span", { class: "tag" }, `${t.key}=${t.value}`)) : "—")));
}

// ------------------------------------------------------------------------------------------- the controls

async function refreshControls() {
  const [transitions, faults, snapshots] = await Promise.all([api("GET", "transitions"), api("GET", "faults"), api("GET", "snapshots")]);
  $("transition-mode").textContent = transitions.mode === "manual" ? "manual" : `delay ${transitions.seconds} s`;
  const faultText = JSON.stringify(faults);
  if (faultText !== shown.faults) {
    shown.faults = faultText;
    $("faults").replaceChildren(...faults.faults.map((fault) => h("li", { "data-fault": fault.id },
      h("span", {}, h("strong", {}, fault.action), " → ", fault.error ? fault.error.code : `${fault.latencyMs} ms`,
        fault.count ? h("span", { class: "muted" }, ` ${fault.hits || 0}/${fault.count}`) : "",
        fault.account ? h("span", { class: "muted" }, ` (${fault.account})`) : ""),
      h("button", { type: "button", onclick: () => act("Fault cleared", () => api("DELETE", `faults/${encodeURIComponent(fault.id)}`)) }, "Clear"))));
    if (!faults.faults.length) $("faults").append(h("li", { class: "muted" }, "No fault in force."));
  }
  const snapshotText = JSON.stringify(snapshots);
  if (snapshotText !== shown.snapshots) {
    shown.snapshots = snapshotText;
    $("snapshots").replaceChildren(...snapshots.snapshots.map((snapshot) => h("li", { "data-snapshot": snapshot.name },
      h("span", {}, h("strong", {}, snapshot.name), h("span", { class: "muted" }, ` ${snapshot.resources} resources`)),
      h("button", { type: "button", onclick: () => act(`Snapshot ${snapshot.name} restored`, () => api("POST", `snapshots/${encodeURIComponent(snapshot.name)}/restore`)) }, "Restore"))));
  }
}

function faultRule() {
  const code = $("fault-code").value;
  const error = code === "InternalError"
    ? { code, status: 500, message: "The request processing has failed due to some unknown error." }
    : { code };
  const rule = { action: $("fault-action").value.trim(), error };
  if ($("fault-count").value) rule.count = Number($("fault-count").value);
  if ($("fault-account").checked) rule.account = view.account;
  return rule;
}

// ------------------------------------------------------------------------------------------- the journal

async function refreshJournal() {
  const answer = await api("GET", `requests?${query({ action: $("journal-action").value.trim(), status: $("journal-status").value, limit: JOURNAL_LIMIT })}`);
  const text = JSON.stringify(answer);
  if (text === shown.journal) return;
  shown.journal = text;
  $("journal").tBodies[0].replaceChildren(...answer.requests.slice().reverse().map((entry) => h("tr", { class: entry.code ? "failed" : "" },
    h("td", { class: "mono" }, entry.time.replace("T", " ").replace("Z", "")),
    h("td", {}, entry.action || "—"), h("td", { class: "mono" }, entry.account || "—"), h("td", {}, entry.region || "—"),
    h("td", { class: "status" }, entry.status), h("td", {}, entry.code || ""), h("td", {}, entry.durationMs.toFixed(1)),
    h("td", { class: "mono muted" }, entry.requestId))));
}

// ------------------------------------------------------------------------------------------- wiring

async function refreshAll() {
  await Promise.all([refreshState(), refreshControls(), refreshJournal()]);
}

async function poll() {
  try {
    await refreshAll();
    $("live").classList.remove("stale");
  } catch (error) {
    $("live").classList.add("stale");
    say(error.message, true);
  }
  setTimeout(poll, 1000);
}

function wire() {
  $("account").onchange = (e) => choose({ account: e.target.value, vSwitchId: "", page: 1 });
  $("region").onchange = (e) => choose({ region: e.target.value, vSwitchId: "", page: 1 });
  $("prev-page").onclick = () => choose({ page: Math.max(1, view.page - 1) });
  $("next-page").onclick = () => choose({ page: view.page + 1 });
  $("change-token").onclick = () => askToken();
  $("transitions-manual").onclick = () => act("Transitions are manual", () => api("PUT", "transitions", { mode: "manual" }));
  $("transitions-delay").onclick = () => act("Transitions take 0.2 s", () => api("PUT", "transitions", { mode: "delay", seconds: 0.2 }));
  $("transitions-step").onclick = () => act((r) => `${r.advanced} transitions finished`, () => api("POST", "transitions/step"));
  $("fault-form").onsubmit = (event) => {
    event.preventDefault();
    const rule = faultRule();
    act((fault) => `Fault ${fault.id} added on ${fault.action}`, () => api("POST", "faults", rule));
  };
  $("faults-clear").onclick = () => act("Every fault cleared", () => api("DELETE", "faults"));
  $("snapshot-form").onsubmit = (event) => {
    event.preventDefault();
    const name = $("snapshot-name").value.trim();
    act((s) => `Snapshot ${s.name} saved (${s.resources} resources)`, () => api("POST", "snapshots", { name }));
  };
  $("reset-account").onclick = () => confirm(`Delete everything account ${view.account} has?`)
    && act((r) => `Reset: ${r.deleted} resources deleted`, () => api("POST", "reset", { account: view.account }));
  $("reset-all").onclick = () => confirm("Delete every account's resources?")
    && act((r) => `Reset: ${r.deleted} resources deleted`, () => api("POST", "reset", {}));
  $("journal-action").oninput = () => { shown.journal = ""; };
  $("journal-status").onchange = () => { shown.journal = ""; refreshJournal(); };
}

document.addEventListener("DOMContentLoaded", async () => {
  wire();
  if (!token()) await askToken();
  await loadOverview();
  poll();
});
