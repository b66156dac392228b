// The baseline for the phone-call benchmark (docs/benchmarks.md, "Phone calls"): the thinnest relay doing
// Parley's inbound job, so the unchanged CallLoad can drive it in the same run and the report can tell the
// machine's share of the tail from Parley's. It answers Twilio's voice webhook with the TwiML Parley
// answers (any signature, any number, a random call token), and on each media stream: on `start` opens
// the Deepgram stand-in's /v1/listen with the query and Authorization header Parley's Deepgram adapter
// uses; each `media` event is JSON-parsed, its payload base64-decoded and sent as one binary frame
// (frames wait, oldest dropped past 5 s of audio, while the listen socket opens); `stop` or the
// caller's close closes the listen socket. Unlike Parley it has no voice session, no agent, no TTS:
// it sends nothing back to the caller, and ignores what the stand-in says.
//
// Usage: node bare-call-relay.js [port=18090] [deepgram=ws://127.0.0.1:18095] [key=bench-key]
// GET /q/health answers {"status":"UP","voiceSessions":<open media streams>} like Parley's, so a script
// can wait for the relay to be idle between runs.
'use strict';
const http = require('http');
const crypto = require('crypto');
const WebSocket = require('ws');

const PORT = Number(process.argv[2] || 18090);
const DEEPGRAM = (process.argv[3] || 'ws://127.0.0.1:18095').replace(/^http/, 'ws').replace(/\/$/, '');
const KEY = process.argv[4] || 'bench-key';
const MEDIA_PATH = '/telephony/twilio/media';
// Parley's query, in Parley's order, with its defaults (DeepgramSpeechToText, ParleyConfig)
const LISTEN_URL = `${DEEPGRAM}/v1/listen?model=nova-3&encoding=mulaw&sample_rate=8000&channels=1`
  + '&interim_results=true&vad_events=true&endpointing=300&utterance_end_ms=1000&smart_format=true';
const BACKLOG_BYTES = 8000 * 5; // 5 s of 8 kHz μ-law
const stats = { streams: 0, opened: 0, frames: 0, dropped: 0, listenFailures: 0 };

const escape = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')
  .replace(/>/g, '&gt;');

function twiml(host, callToken) { // Twiml.connect
  return '<?xml version="1.0" encoding="UTF-8"?><Response><Connect><Stream url="'
    + escape(`ws://${host}${MEDIA_PATH}`) + '" statusCallback="'
    + escape(`http://${host}/telephony/twilio/stream-status`)
    + '" statusCallbackMethod="POST"><Parameter name="callToken" value="' + escape(callToken)
    + '"/></Stream></Connect><Hangup/></Response>';
}

const server = http.createServer((request, response) => {
  const path = request.url.split('?')[0];
  request.resume(); // the form is not read: no signature check, any number
  request.on('end', () => {
    if (request.method === 'POST' && path === '/telephony/twilio/voice') {
      response.writeHead(200, { 'Content-Type': 'application/xml;charset=UTF-8' });
      response.end(twiml(request.headers.host || `127.0.0.1:${PORT}`, crypto.randomBytes(16).toString('hex')));
    } else if (request.method === 'POST'
        && (path === '/telephony/twilio/status' || path === '/telephony/twilio/stream-status')) {
      response.writeHead(204).end();
    } else if (request.method === 'GET' && (path === '/q/health' || path === '/q/health/ready')) {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify({ status: 'UP', voiceSessions: stats.streams, ...stats }));
    } else {
      response.writeHead(404).end();
    }
  });
});

const media = new WebSocket.Server({ server, path: MEDIA_PATH, perMessageDeflate: false });
media.on('connection', (caller) => {
  stats.streams++;
  let listen = null; // the stand-in's /v1/listen socket, from `start`
  let backlog = [];
  let backlogBytes = 0;
  const closeListen = () => {
    if (!listen) return;
    if (listen.readyState === WebSocket.CONNECTING) listen.terminate();
    else if (listen.readyState === WebSocket.OPEN) listen.close(1000);
    listen = null;
    backlog = [];
  };
  const open = () => {
    const socket = new WebSocket(LISTEN_URL, { headers: { Authorization: `Token ${KEY}` }, perMessageDeflate: false });
    listen = socket;
    socket.on('open', () => {
      stats.opened++;
      for (const frame of backlog) socket.send(frame, { binary: true });
      backlog = [];
      backlogBytes = 0;
    });
    socket.on('message', () => {}); // the stand-in's transcripts: no agent here
    socket.on('error', () => { stats.listenFailures++; });
    socket.on('close', () => { if (listen === socket) listen = null; });
  };
  caller.on('message', (data, isBinary) => {
    if (isBinary) return;
    let event;
    try { event = JSON.parse(data); } catch { return; }
    switch (event.event) {
      case 'start':
        if (!listen) open();
        break;
      case 'media': {
        const frame = Buffer.from(event.media.payload, 'base64');
        stats.frames++;
        if (listen && listen.readyState === WebSocket.OPEN) {
          listen.send(frame, { binary: true });
        } else if (listen) {
          backlog.push(frame);
          backlogBytes += frame.length;
          while (backlogBytes > BACKLOG_BYTES) { backlogBytes -= backlog.shift().length; stats.dropped++; }
        }
        break;
      }
      case 'stop':
        closeListen();
        break;
      default: // connected, mark, dtmf: nothing to do
    }
  });
  caller.on('close', () => { stats.streams--; closeListen(); });
  caller.on('error', () => {});
});

server.listen(PORT, '127.0.0.1', () => {
  console.log(`bare call relay listening on ${PORT}, listen socket ${LISTEN_URL}`);
});
