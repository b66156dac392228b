// A second phone-call client for docs/benchmarks.md, written from Twilio's documentation with Node's
// `ws` package and sharing no code with the Java load tool. It places N calls like Twilio: the voice
// webhook signed with X-Twilio-Signature (HMAC-SHA1 of the URL + sorted POST parameters), then the
// signed media stream, 160-byte μ-law frames every 20 ms whose first 8 bytes are process.hrtime
// (CLOCK_MONOTONIC on Linux, the clock the Deepgram stand-in reads) so the stand-in times each frame;
// marks are echoed back. It reports the stand-in's inbound latency and the frames it lost.
//
// Usage: node call-client.js http://127.0.0.1:18080 <accountSid> <authToken> <number> [calls=300]
//        [seconds=30] [warmup=10] [deepgram=http://127.0.0.1:18095]
'use strict';
const crypto = require('crypto');
const WebSocket = require('ws');

const [base, accountSid, authToken, number, callsArg, secondsArg, warmupArg, deepgramArg] = process.argv.slice(2);
const CALLS = Number(callsArg || 300);
const SECONDS = Number(secondsArg || 30);
const WARMUP = Number(warmupArg || 10);
const DEEPGRAM = deepgramArg || 'http://127.0.0.1:18095';
const stats = { framesSent: 0, audioBytes: 0, clears: 0, closes: 0 };
let stopping = false;

function sign(url, params) {
  const data = url + Object.keys(params).sort().map((name) => name + params[name]).join('');
  return crypto.createHmac('sha1', authToken).update(Buffer.from(data, 'utf8')).digest('base64');
}

const sid = (prefix) => prefix + crypto.randomBytes(16).toString('hex');

async function call(index) {
  const callSid = sid('CA');
  const streamSid = sid('MZ');
  const params = { AccountSid: accountSid, ApiVersion: '2010-04-01', CallSid: callSid, CallStatus: 'ringing',
    Direction: 'inbound', From: '+15557654321', To: number };
  const voiceUrl = `${base}/telephony/twilio/voice`;
  const response = await fetch(voiceUrl, { method: 'POST', body: new URLSearchParams(params),
    headers: { 'X-Twilio-Signature': sign(voiceUrl, params) } });
  const twiml = await response.text();
  const token = /name="callToken" value="([^"]+)"/.exec(twiml);
  if (!token) throw new Error(`no call token: ${response.status} ${twiml}`);
  const mediaUrl = `${base.replace(/^http/, 'ws')}/telephony/twilio/media`;
  const socket = new WebSocket(mediaUrl, { headers: { 'X-Twilio-Signature': sign(mediaUrl, {}) } });
  let sequence = 0;
  const send = (event) => socket.send(JSON.stringify({ ...event, sequenceNumber: String(++sequence), streamSid }));
  return new Promise((resolve, reject) => {
    socket.on('open', () => setTimeout(() => {
      send({ event: 'start', start: { accountSid, streamSid, callSid, tracks: ['inbound'],
        mediaFormat: { encoding: 'audio/x-mulaw', sampleRate: 8000, channels: 1 },
        customParameters: { callToken: token[1] } } });
      const start = process.hrtime.bigint();
      let sent = 0n;
      const timer = setInterval(() => {
        if (stopping || socket.readyState !== WebSocket.OPEN) return clearInterval(timer);
        const due = (process.hrtime.bigint() - start) / 20000000n + 1n;
        for (; sent < due; sent++) {
          const frame = Buffer.alloc(160, 0xff);
          frame.writeBigInt64BE(process.hrtime.bigint(), 0);
          send({ event: 'media', media: { track: 'inbound', chunk: String(sent + 1n),
            timestamp: String(sent * 20n), payload: frame.toString('base64') } });
          stats.framesSent++;
        }
      }, 20);
      resolve(socket);
    }, (index * 4000) / CALLS));
    socket.on('message', (data) => {
      const event = JSON.parse(data.toString());
      if (event.event === 'media') stats.audioBytes += Buffer.from(event.media.payload, 'base64').length;
      else if (event.event === 'mark') send({ event: 'mark', mark: event.mark });
      else if (event.event === 'clear') stats.clears++;
    });
    socket.on('close', (code, reason) => {
      if (!stopping) { stats.closes++; console.log(callSid, 'closed', code, reason.toString()); }
      reject(new Error(`closed ${code}`));
    });
    socket.on('error', reject);
  });
}

const deepgramStats = async (reset) => (await fetch(`${DEEPGRAM}/stats${reset ? '?reset=true' : ''}`)).json();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

(async () => {
  const before = await deepgramStats(false);
  const sockets = [];
  for (let i = 0; i < CALLS; i += 16) {
    sockets.push(...await Promise.all(Array.from({ length: Math.min(16, CALLS - i) }, (_, k) => call(i + k))));
  }
  console.log(`${sockets.length} calls streaming`);
  await sleep(WARMUP * 1000);
  const windowStart = await deepgramStats(true);
  const sent0 = stats.framesSent;
  await sleep(SECONDS * 1000);
  const window = await deepgramStats(false);
  const sentInWindow = stats.framesSent - sent0;
  const lostInWindow = sentInWindow - Math.floor((window.sttBytes - windowStart.sttBytes) / 160);
  stopping = true;
  await sleep(3000);
  const after = await deepgramStats(false);
  const lost = stats.framesSent - Math.floor((after.sttBytes - before.sttBytes) / 160);
  console.log(`RESULT client=node-ws calls=${CALLS} seconds=${SECONDS} inbound frames=${window.inboundFrames} `
    + `p50=${window.inboundP50Ms.toFixed(2)}ms p99=${window.inboundP99Ms.toFixed(2)}ms `
    + `max=${window.inboundMaxMs.toFixed(2)}ms framesSent=${stats.framesSent} framesLost=${lost} (in the window: ${lostInWindow} of ${sentInWindow}) `
    + `agentAudio=${stats.audioBytes}B clears=${stats.clears} closes=${stats.closes}`);
  for (const socket of sockets) socket.close();
  process.exit(0);
})().catch((e) => { console.error(e); process.exit(1); });
