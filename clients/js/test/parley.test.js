// The client against a real Parley node (PARLEY_URL, PARLEY_ADMIN_TOKEN): tokens, chat, relay, resume, refusals.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ParleyClient, ParleyError, fetchToken } from '../src/parley-client.js';
import { nextEvent, record, until } from './support/events.js';

const baseUrl = process.env.PARLEY_URL;
const skip = baseUrl ? false : 'PARLEY_URL is not set (the URL of a running Parley node)';
let apiKey;
const clients = [];

before(async () => {
  if (skip) return;
  const created = await fetch(new URL('/api/v1/tenants', baseUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${process.env.PARLEY_ADMIN_TOKEN}` },
    body: JSON.stringify({ name: `js-client ${randomUUID()}` }),
  });
  assert.equal(created.status, 201, 'tenant creation (is PARLEY_ADMIN_TOKEN right?)');
  apiKey = (await created.json()).apiKey;
  const agent = await fetch(new URL('/api/v1/agents/default', baseUrl), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
    body: JSON.stringify({
      name: 'Test bot', kind: 'scripted', greeting: 'Hi!', fallback: 'Let me get a colleague.',
      rules: [{ keywords: ['price'], reply: 'Plans start at 10 EUR a month.' }],
    }),
  });
  assert.equal(agent.status, 200);
});

after(() => { for (const c of clients) c.close(); });

/** A WebSocket class that remembers every socket it opened, so a test can cut one. */
function trackedWebSocket() {
  const sockets = [];
  const Tracked = class extends WebSocket {
    constructor(...args) {
      super(...args);
      sockets.push(this);
    }
  };
  return { Tracked, sockets };
}

/** A client of the test node for `peerId`, its token fetched with the tenant's API key on every connect. */
function client(peerId, options = {}) {
  const c = new ParleyClient({
    url: baseUrl,
    peerId,
    token: () => fetchToken({ baseUrl, apiKey, peerId }),
    reconnect: { minDelayMs: 50, maxDelayMs: 1000 },
    ...options,
  });
  clients.push(c);
  return c;
}

test('fetchToken exchanges the API key for a JWT of the peer; a wrong key is refused with 401', { skip }, async () => {
  const token = await fetchToken({ baseUrl, apiKey, peerId: 'alice' });
  const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
  assert.equal(claims.sub, 'alice');
  await assert.rejects(fetchToken({ baseUrl, apiKey: 'pk_wrong', peerId: 'alice' }),
    (err) => err instanceof ParleyError && err.status === 401);
});

test('connects with a token and talks to the agent', { skip }, async () => {
  const alice = client('chat-alice');
  const welcome = await alice.connect();
  assert.equal(welcome.peerId, 'chat-alice');
  assert.equal(typeof welcome.resumeToken, 'string');
  const answered = nextEvent(alice, 'response');
  const id = alice.message('What is the price?');
  const response = await answered;
  assert.equal(response.replyTo, id);
  assert.equal(response.text, 'Plans start at 10 EUR a month.');
});

test('rooms and relays: presence, then offer and answer between two peers', { skip }, async () => {
  const alice = client('relay-alice');
  const bob = client('relay-bob');
  await Promise.all([alice.connect(), bob.connect()]);
  const bobJoined = nextEvent(bob, 'joined');
  bob.join('room-1');
  assert.deepEqual((await bobJoined).peers, []);
  const presence = nextEvent(bob, 'peer.joined');
  const offered = nextEvent(bob, 'offer');
  alice.join('room-1');
  alice.offer('relay-bob', 'v=0 offer');
  assert.equal((await presence).peer, 'relay-alice');
  const offer = await offered;
  assert.deepEqual([offer.from, offer.sdp], ['relay-alice', 'v=0 offer']);
  const answered = nextEvent(alice, 'answer');
  bob.answer('relay-alice', 'v=0 answer');
  assert.equal((await answered).sdp, 'v=0 answer');
});

test('a dropped peer resumes its session: nothing sent to it meanwhile is lost, its own frames go out after', { skip }, async () => {
  const alice = client('resume-alice');
  const { Tracked, sockets } = trackedWebSocket();
  let tokens = 0;
  const bob = client('resume-bob', {
    WebSocket: Tracked,
    token: () => { tokens++; return fetchToken({ baseUrl, apiKey, peerId: 'resume-bob' }); },
    reconnect: { minDelayMs: 400, maxDelayMs: 400 },
    random: () => 1,
  });
  await Promise.all([alice.connect(), bob.connect()]);
  const sessionId = bob.session.sessionId;
  const joined = nextEvent(bob, 'joined');
  bob.join('room-2');
  await joined;
  const offers = record(bob, ['offer']);
  const resumed = nextEvent(bob, 'resumed');
  alice.signal('resume-bob', { before: true });
  await nextEvent(bob, 'signal');

  sockets[0].close();
  await until('bob reconnecting', () => bob.state === 'reconnecting');
  for (let i = 1; i <= 5; i++) alice.offer('resume-bob', `sdp-${i}`);
  const answered = nextEvent(alice, 'answer');
  bob.answer('resume-alice', 'sent while away');

  const result = await resumed;
  assert.equal(result.lost, undefined);
  assert.ok(result.missed >= 5, `missed ${result.missed}`);
  assert.equal(bob.session.sessionId, sessionId, 'the same session');
  await until('five offers', () => offers.length >= 5);
  assert.deepEqual(offers.map(([, f]) => f.sdp), ['sdp-1', 'sdp-2', 'sdp-3', 'sdp-4', 'sdp-5']);
  assert.equal((await answered).sdp, 'sent while away');
  assert.equal(tokens, 2, 'a fresh token for each connect');
  assert.equal(sockets.length, 2);
});

test('a refused upgrade rejects connect() and is not retried', { skip }, async () => {
  const { Tracked, sockets } = trackedWebSocket();
  const stranger = client('stranger', { WebSocket: Tracked, token: 'not-a-token' });
  await assert.rejects(stranger.connect(), (err) => err.code === 'connect_failed');
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.equal(sockets.length, 1);
  assert.equal(stranger.state, 'closed');
});

test('voice.start on a node without speech says what to configure', { skip }, async () => {
  const alice = client('voice-alice');
  await alice.connect();
  const refused = nextEvent(alice, 'error');
  const id = alice.voiceStart();
  const error = await refused;
  assert.equal(error.replyTo, id);
  assert.equal(error.code, 'voice_unavailable');
  assert.match(error.message, /parley\.deepgram\.api-key/);
});
