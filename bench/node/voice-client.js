// A second voice client for docs/benchmarks.md, written against docs/protocol.md with Node's `ws`
// package and sharing no code with the Java load tool. It opens N voice sessions on one Parley node,
// streams 20 ms linear16 frames of silence in real time, and times final transcript sent by the
// Deepgram stand-in (its text ends with the stand-in's CLOCK_MONOTONIC nanoseconds, which is also
// what process.hrtime uses on Linux) → first agent audio frame received. It also counts the agent
// audio bytes received, audio.clear frames, errors and unexpected closes.
//
// The audio Parley lost each way comes from the stand-in's byte counters (GET <deepgram>/stats).
//
// Usage: node voice-client.js http://127.0.0.1:18080 <apiKey> [sessions=200] [seconds=30] [warmup=10]
//        [deepgram=http://127.0.0.1:18095]
'use strict';
const WebSocket = require('ws');

const [base, apiKey, sessionsArg, secondsArg, warmupArg, deepgramArg] = process.argv.slice(2);
const DEEPGRAM = deepgramArg || 'http://127.0.0.1:18095';
const SESSIONS = Number(sessionsArg || 200);
const SECONDS = Number(secondsArg || 30);
const WARMUP = Number(warmupArg || 10);
const FRAME = Buffer.alloc(640); // 20 ms of 16 kHz linear16 silence
const TURN_MS = 4000;

const overheads = [];
const stats = { turns: 0, audioBytes: 0, sentBytes: 0, clears: 0, errors: 0, closes: 0, started: 0 };
let measuring = false;
let stopping = false;

async function token(peer) {
  const response = await fetch(`${base}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
    body: JSON.stringify({ peerId: peer }),
  });
  if (!response.ok) throw new Error(`token ${response.status} ${await response.text()}`);
  return (await response.json()).token;
}

async function session(index) {
  const peer = `node-voice-${index}-${process.pid}`;
  const wsBase = base.replace(/^http/, 'ws');
  const socket = new WebSocket(`${wsBase}/ws/v1/signal/${peer}?access_token=${await token(peer)}`);
  let finalSentAt = 0n;
  let awaitingAudio = false;
  let timer = null;
  return new Promise((resolve, reject) => {
    socket.on('open', () => setTimeout(() => socket.send(JSON.stringify(
      { type: 'voice.start', id: 'v', encoding: 'linear16', sampleRate: 16000 })), (index * TURN_MS) / SESSIONS));
    socket.on('message', (data, isBinary) => {
      if (isBinary) {
        stats.audioBytes += data.length;
        if (awaitingAudio) {
          awaitingAudio = false;
          stats.turns++;
          if (measuring) overheads.push(Number(process.hrtime.bigint() - finalSentAt) / 1e6);
        }
        return;
      }
      const frame = JSON.parse(data.toString());
      if (frame.type === 'voice.started') {
        stats.started++;
        const start = process.hrtime.bigint();
        let sent = 0n;
        timer = setInterval(() => {
          if (stopping) return clearInterval(timer);
          const due = (process.hrtime.bigint() - start) / 20000000n + 1n;
          for (; sent < due; sent++) { socket.send(FRAME); stats.sentBytes += FRAME.length; }
        }, 20);
        resolve(socket);
      } else if (frame.type === 'transcript' && frame.final && frame.text.startsWith('bench turn ')) {
        finalSentAt = BigInt(frame.text.slice(frame.text.lastIndexOf(' ') + 1));
        awaitingAudio = true;
      } else if (frame.type === 'audio.clear') {
        stats.clears++;
      } else if (frame.type === 'error') {
        if (++stats.errors <= 3) console.log('server error:', JSON.stringify(frame));
        reject(new Error(JSON.stringify(frame)));
      }
    });
    socket.on('close', (code, reason) => {
      clearInterval(timer);
      if (!stopping) { stats.closes++; console.log(peer, 'closed', code, reason.toString()); }
      reject(new Error(`closed ${code}`));
    });
    socket.on('error', reject);
  });
}

function percentile(sorted, p) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

async function deepgramStats() {
  return (await fetch(`${DEEPGRAM}/stats`)).json();
}

(async () => {
  const before = await deepgramStats();
  const sockets = await Promise.all(Array.from({ length: SESSIONS }, (_, i) => session(i)));
  console.log(`${sockets.length} voice sessions started`);
  await new Promise((r) => setTimeout(r, WARMUP * 1000));
  measuring = true;
  const turnsBefore = stats.turns;
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const turns = stats.turns - turnsBefore;
  stopping = true;
  await new Promise((r) => setTimeout(r, 3000));
  const after = await deepgramStats();
  const inLost = stats.sentBytes - (after.sttBytes - before.sttBytes);
  const outLost = (after.ttsBytes - before.ttsBytes) - stats.audioBytes;
  const sorted = overheads.slice().sort((a, b) => a - b);
  console.log(`RESULT client=node-ws sessions=${SESSIONS} seconds=${SECONDS} turns=${turns} overhead `
    + `p50=${percentile(sorted, 50).toFixed(2)}ms p99=${percentile(sorted, 99).toFixed(2)}ms `
    + `max=${sorted.length ? sorted[sorted.length - 1].toFixed(2) : NaN}ms audioIn sent=${stats.sentBytes}B `
    + `lost=${inLost}B audioOut received=${stats.audioBytes}B lost=${outLost}B clears=${stats.clears} errors=${stats.errors} closes=${stats.closes}`);
  for (const socket of sockets) socket.send(JSON.stringify({ type: 'voice.stop', id: 'stop' }));
  await new Promise((r) => setTimeout(r, 500));
  for (const socket of sockets) socket.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
