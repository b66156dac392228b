// The demo page's behaviour: connect with a token from the API key, chat, a WebRTC call, voice (ids: see index.html).
import { ParleyClient, fetchToken } from './js/parley-client.js';
import { PeerCall } from './js/parley-webrtc.js';
import { VoiceSession } from './js/parley-voice.js';

const $ = (id) => document.getElementById(id);
const KEY_STORAGE = 'parley.demo.apiKey';
const parley = { client: null, call: null, voice: null };
window.parley = parley;

let localStream = null;
const agentEntries = new Map();

const STATE_WORDS = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Connection lost — reconnecting…',
  closed: 'Not connected',
};

/** Plain words for the server's and the client's error codes. */
const ERROR_WORDS = {
  rate_limited: 'Too many messages this minute; wait a little.',
  busy: 'The server is busy; try again in a moment.',
  agent_unavailable: 'The agent could not answer (its language model failed or is not configured).',
  peer_unavailable: 'That peer is not connected.',
  room_full: 'The room is full.',
  room_limit: 'You are in too many rooms; leave one first.',
  too_large: 'The message is too long.',
  voice_busy: 'Too many voice sessions run on this node; try later.',
  reconnect_failed: 'Could not reconnect; check the network and connect again.',
  queue_full: 'Too much is waiting for the connection to come back; that was not sent.',
  token_expired: 'The access token expired; connect again.',
  closed: 'The server ended the connection (another tab connected as the same peer, or this tab was too slow).',
};

function say(list, text, code) {
  const item = document.createElement('li');
  item.textContent = `${new Date().toLocaleTimeString()} ${text}`;
  if (code) item.dataset.code = code;
  $(list).prepend(item);
}

const reportError = (code, text) => say('errors', text, code);
const reportEvent = (text) => say('events', text);

function setConnected(connected) {
  for (const id of ['chat-input', 'chat-send', 'join', 'call', 'voice-start', 'disconnect']) $(id).disabled = !connected;
  for (const id of ['api-key', 'peer-id', 'connect']) $(id).disabled = connected;
}

async function connect() {
  const apiKey = $('api-key').value.trim();
  const peerId = $('peer-id').value.trim();
  if (!apiKey) return reportError('api_key', 'Paste the tenant API key first.');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(peerId)) {
    return reportError('peer_id', 'The peer id must be 1–64 letters, digits, dots, dashes or underscores.');
  }
  sessionStorage.setItem(KEY_STORAGE, apiKey);
  const baseUrl = location.origin;
  const client = new ParleyClient({ url: baseUrl, peerId, token: () => fetchToken({ baseUrl, apiKey, peerId }) });
  parley.client = client;
  watch(client);
  setConnected(true);
  try {
    const welcome = await client.connect();
    reportEvent(`Connected as ${welcome.peerId} (session ${welcome.sessionId}).`);
  } catch (err) {
    setConnected(false);
    const words = err.status === 401 ? 'The API key was refused: check it.' : `Could not connect: ${err.message}`;
    reportError(err.code, words);
  }
}

function watch(client) {
  client.on('state', (state) => {
    $('state').dataset.state = state;
    $('state').textContent = state === 'open' ? `Connected as ${client.peerId}` : STATE_WORDS[state];
    if (state === 'closed') {
      setConnected(false);
      hangUp();
    }
  });
  client.on('close', ({ code, reason, reconnecting }) => {
    if (reconnecting) reportEvent(`The connection dropped (${code}${reason ? ` ${reason}` : ''}); reconnecting.`);
  });
  client.on('reconnect', () => reportEvent('The server is restarting; moving to another node.'));
  client.on('resumed', ({ missed, lost }) => {
    if (!lost) reportEvent(`Reconnected; ${missed} missed message(s) delivered.`);
  });
  client.on('lost', () => reportEvent('Reconnected, but the old session had expired: rooms joined again, the call renegotiates.'));
  client.on('error', (frame) => {
    if (frame.code === 'voice_unavailable') return;
    const pending = agentEntries.get(frame.replyTo);
    if (pending) {
      pending.textContent = '(no answer)';
      pending.dataset.done = 'true';
      agentEntries.delete(frame.replyTo);
    }
    reportError(frame.code, ERROR_WORDS[frame.code] ?? frame.message);
  });
  client.on('response.delta', (frame) => agentEntry(frame.replyTo).append(frame.delta));
  client.on('response', (frame) => {
    const entry = agentEntry(frame.replyTo);
    entry.textContent = frame.interrupted ? `${frame.text} (interrupted)` : frame.text;
    entry.dataset.done = 'true';
    agentEntries.delete(frame.replyTo);
  });
  client.on('joined', (frame) => {
    $('room-peers').replaceChildren();
    frame.peers.forEach(addPeer);
    reportEvent(`In room ${frame.room}${frame.peers.length ? ` with ${frame.peers.join(', ')}` : ' (alone so far)'}.`);
  });
  client.on('peer.joined', (frame) => addPeer(frame.peer));
  client.on('peer.left', (frame) => {
    document.querySelector(`#room-peers li[data-peer="${CSS.escape(frame.peer)}"]`)?.remove();
  });
  client.on('offer', (frame) => { if (!parley.call) answerCall(frame); });
  client.on('signal', (frame) => {
    if (frame.data?.hangup && parley.call?.peer === frame.from) {
      hangUp();
      reportEvent(`${frame.from} hung up.`);
    }
  });
}

function addPeer(peer) {
  if (document.querySelector(`#room-peers li[data-peer="${CSS.escape(peer)}"]`)) return;
  const item = document.createElement('li');
  item.dataset.peer = peer;
  item.textContent = peer;
  $('room-peers').append(item);
  if (!$('call-peer').value) $('call-peer').value = peer;
}

/** The chat entry of the agent's answer to `replyTo` (a voice turn has none: it gets a fresh entry). */
function agentEntry(replyTo) {
  let entry = replyTo === undefined ? null : agentEntries.get(replyTo);
  if (!entry) {
    entry = chatEntry('agent', '');
    if (replyTo !== undefined) agentEntries.set(replyTo, entry);
  }
  return entry;
}

function chatEntry(role, text) {
  const item = document.createElement('li');
  item.dataset.role = role;
  item.textContent = text;
  $('chat-log').append(item);
  return item;
}

function sendChat(event) {
  event.preventDefault();
  const text = $('chat-input').value.trim();
  if (!text) return;
  try {
    const id = parley.client.message(text);
    chatEntry('user', text);
    agentEntries.set(id, chatEntry('agent', ''));
    $('chat-input').value = '';
  } catch (err) {
    reportError(err.code, ERROR_WORDS[err.code] ?? err.message);
  }
}

async function joinRoom() {
  const room = $('room').value.trim();
  if (!localStream) {
    try {
      localStream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
      $('local-video').srcObject = localStream;
    } catch (err) {
      reportError('media', `No camera or microphone (${err.message}): calls will only receive.`);
    }
  }
  parley.client.join(room);
}

function newCall(peer) {
  const call = new PeerCall(parley.client, { peer, stream: localStream ?? undefined });
  parley.call = call;
  call.on('track', (event) => {
    $('remote-video').srcObject = event.streams[0] ?? new MediaStream([event.track]);
  });
  call.on('connectionstatechange', (state) => { $('call-state').textContent = `${peer}: ${state}`; });
  call.on('error', (err) => reportError('call', `The call failed: ${err.message}`));
  $('hangup').disabled = false;
  $('call-state').textContent = `${peer}: connecting`;
  return call;
}

function startCall() {
  const peer = $('call-peer').value.trim();
  if (!peer) return reportError('call', 'Type the peer id to call.');
  if (parley.call) hangUp();
  newCall(peer).start();
}

async function answerCall(offer) {
  const call = newCall(offer.from);
  reportEvent(`${offer.from} is calling.`);
  await call.handle(offer);
  call.start();
}

function hangUp() {
  if (!parley.call) return;
  const { peer } = parley.call;
  parley.call.close();
  parley.call = null;
  $('remote-video').srcObject = null;
  $('hangup').disabled = true;
  $('call-state').textContent = 'no call';
  if (parley.client?.state === 'open') parley.client.signal(peer, { hangup: true });
}

async function startVoice() {
  const voice = new VoiceSession(parley.client);
  parley.voice = voice;
  voice.on('state', (state) => {
    $('voice-state').dataset.state = state;
    $('voice-state').textContent = { starting: 'starting…', active: 'listening — speak', stopped: 'off' }[state] ?? state;
    $('voice-start').disabled = state === 'starting' || state === 'active';
    $('voice-stop').disabled = state !== 'active';
  });
  voice.on('transcript', (frame) => {
    $('voice-transcript').textContent = frame.text;
    if (frame.final) chatEntry('user', frame.text);
  });
  voice.on('stopped', ({ reason }) => {
    if (reason !== 'stopped') reportEvent(`The voice session ended (${reason}).`);
  });
  try {
    await voice.start();
  } catch (err) {
    reportError(err.code ?? 'voice', err.code === 'voice_unavailable'
      ? `Voice is not set up on this Parley node. To enable it, start the server with a Deepgram key: `
        + `PARLEY_DEEPGRAM_API_KEY=<your key> (setting parley.deepgram.api-key). The server said: ${err.message}`
      : `Voice could not start: ${ERROR_WORDS[err.code] ?? err.message}`);
  }
}

const DEMO_SECRET_STORAGE = 'parley.demo.pageSecret';

/**
 * A standalone node prints this page's address with a secret after `#demo=` (a fragment: never sent to the
 * server, never in its logs). The page keeps it in the tab, takes it out of the address bar, and offers the
 * demo tenant when the node accepts it.
 */
async function offerDemoTenant() {
  const fromAddress = new URLSearchParams(location.hash.slice(1)).get('demo');
  if (fromAddress) {
    sessionStorage.setItem(DEMO_SECRET_STORAGE, fromAddress);
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (!sessionStorage.getItem(DEMO_SECRET_STORAGE)) return;
  try {
    $('demo-tenant').hidden = !(await demoTenantAnswer()).ok;
  } catch {
    $('demo-tenant').hidden = true;
  }
}

function demoTenantAnswer() {
  return fetch('/standalone/demo-tenant',
    { headers: { 'X-Parley-Demo-Secret': sessionStorage.getItem(DEMO_SECRET_STORAGE) ?? '' } });
}

async function useDemoTenant() {
  try {
    const answer = await demoTenantAnswer();
    if (!answer.ok) throw new Error(`the node answered ${answer.status}`);
    $('api-key').value = (await answer.json()).apiKey;
    reportEvent('Using the demo tenant; press Connect.');
  } catch (err) {
    reportError('demo_tenant', `Could not get the demo tenant: ${err.message}`);
  }
}

function disconnect() {
  parley.voice?.stop();
  hangUp();
  parley.client?.close();
}

$('peer-id').value = `user-${Math.random().toString(36).slice(2, 7)}`;
$('api-key').value = sessionStorage.getItem(KEY_STORAGE) ?? '';
$('connect').addEventListener('click', connect);
$('disconnect').addEventListener('click', disconnect);
$('chat-form').addEventListener('submit', sendChat);
$('join').addEventListener('click', joinRoom);
$('call').addEventListener('click', startCall);
$('hangup').addEventListener('click', hangUp);
$('voice-start').addEventListener('click', startVoice);
$('voice-stop').addEventListener('click', () => parley.voice?.stop());
$('use-demo-tenant').addEventListener('click', useDemoTenant);
offerDemoTenant();
