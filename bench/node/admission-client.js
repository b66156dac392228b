// Admission benchmark client for docs/benchmarks.md (issue 10), Node's `ws` package, no code shared with
// the Java load tool. Connects peers to a signalling socket and times each one from the start of its TCP
// connect to its first frame (Parley's `welcome`; the bare baseline sends one too):
//   serial  — one after another, COUNT clients (connect latency p50/p99),
//   burst   — COUNT clients with at most CONCURRENCY connecting at once (admission rate, all welcomed in …).
// Auth: `token` (an access token per peer from POST /api/v1/tokens, fetched before the clock starts, sent
// as ?access_token= like a browser), `apikey` (X-Api-Key header on the upgrade), `none` (bare baseline).
// It keeps every socket open until the end, then reports and closes them.
//
// Usage: node admission-client.js <ws base> <serial|burst> <count> <concurrency> <token|apikey|none>
//        [http base] [apiKey] [label]
'use strict';
const WebSocket = require('ws');

const [wsBase, mode, countArg, concurrencyArg, auth, httpBase, apiKey, labelArg] = process.argv.slice(2);
const COUNT = Number(countArg);
const CONCURRENCY = mode === 'serial' ? 1 : Number(concurrencyArg);
const label = labelArg || `${mode}-${auth}`;
const run = Math.random().toString(36).slice(2, 8);
const peer = (i) => `adm-${run}-${i}`;

async function tokens() {
  const all = new Array(COUNT);
  let next = 0;
  async function worker() {
    while (next < COUNT) {
      const i = next++;
      const response = await fetch(`${httpBase}/api/v1/tokens`, { method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
        body: JSON.stringify({ peerId: peer(i) }) });
      if (response.status !== 200) throw new Error(`token ${i}: ${response.status} ${await response.text()}`);
      all[i] = (await response.json()).token;
    }
  }
  await Promise.all(Array.from({ length: 32 }, worker));
  return all;
}

function connect(i, token) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    let url = `${wsBase}/ws/v1/signal/${peer(i)}`;
    const options = { perMessageDeflate: false, handshakeTimeout: 30000 };
    if (auth === 'token') url += `?access_token=${encodeURIComponent(token)}`;
    if (auth === 'apikey') options.headers = { 'X-Api-Key': apiKey };
    const socket = new WebSocket(url, options);
    let done = false;
    const finish = (ok, why) => {
      if (done) return;
      done = true;
      resolve({ socket, ok, why, ms: Number(process.hrtime.bigint() - started) / 1e6 });
    };
    socket.once('message', () => finish(true));
    socket.once('unexpected-response', (req, res) => finish(false, `HTTP ${res.statusCode}`));
    socket.once('error', (e) => finish(false, e.message));
    socket.once('close', (code) => finish(false, `closed ${code}`));
  });
}

const pct = (sorted, p) => sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN;

(async () => {
  const issued = auth === 'token' ? await tokens() : [];
  const results = new Array(COUNT);
  let next = 0;
  const started = process.hrtime.bigint();
  async function worker() {
    while (next < COUNT) {
      const i = next++;
      results[i] = await connect(i, issued[i]);
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const ok = results.filter((r) => r.ok);
  const times = ok.map((r) => r.ms).sort((a, b) => a - b);
  const failures = {};
  results.filter((r) => !r.ok).forEach((r) => { failures[r.why] = (failures[r.why] || 0) + 1; });
  console.log(`RESULT client=node-ws label=${label} mode=${mode} auth=${auth} clients=${COUNT} concurrency=${CONCURRENCY}`
    + ` welcomed=${ok.length} in ${(wallMs / 1000).toFixed(2)}s (${Math.round(ok.length / (wallMs / 1000))}/s)`
    + ` connect p50=${pct(times, 0.5).toFixed(2)}ms p99=${pct(times, 0.99).toFixed(2)}ms max=${times.length ? times[times.length - 1].toFixed(2) : NaN}ms`
    + ` failed=${JSON.stringify(failures)}`);
  if (process.env.HOLD_FILE) {
    require('fs').writeFileSync(process.env.HOLD_FILE, 'open\n');
    await new Promise((r) => setTimeout(r, Number(process.env.HOLD_MS || 0)));
  }
  results.forEach((r) => r.socket.terminate());
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
