// ParleyClient against a scripted fake node: resume, reconnect backoff, close codes, queue bound, tokens.
import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import { ParleyClient, ParleyError } from '../src/parley-client.js';
import { FakeServer } from './support/fake-server.js';
import { nextEvent, record, sleep, until } from './support/events.js';

let server;
const clients = [];

before(async () => { server = await FakeServer.start(); });
beforeEach(() => {
  for (const c of clients.splice(0)) c.close();
  server.reset();
});
after(() => {
  for (const c of clients.splice(0)) c.close();
  return server.stop();
});

/** A client of the fake server; closed after the test. */
function client(options = {}) {
  const c = new ParleyClient({
    url: server.url.replace('ws:', 'http:') + '/',
    peerId: 'alice',
    token: 'tok',
    heartbeat: false,
    ...options,
    reconnect: { minDelayMs: 20, maxDelayMs: 200, ...options.reconnect },
  });
  clients.push(c);
  return c;
}

/** Connects `c`, answering the upgrade with a welcome; resolves with the server side of the connection. */
async function connected(c, welcome = {}) {
  const connecting = c.connect();
  const conn = await server.nextConnection();
  conn.send({ type: 'welcome', sessionId: 's1', peerId: 'alice', tenantId: 't', protocol: 1, resumeToken: 'r1', ...welcome });
  await connecting;
  return conn;
}

test('connects to /ws/v1/signal/{peerId} with the token as access_token and resolves with the welcome', async () => {
  const c = client();
  const states = record(c, ['state']);
  const connecting = c.connect();
  assert.equal(c.state, 'connecting');
  const conn = await server.nextConnection();
  assert.equal(conn.request.path, '/ws/v1/signal/alice');
  assert.equal(conn.request.query.get('access_token'), 'tok');
  assert.equal(conn.request.query.has('resume'), false);
  conn.send({ type: 'welcome', sessionId: 's1', peerId: 'alice', tenantId: 't', protocol: 1, resumeToken: 'r1' });
  const welcome = await connecting;
  assert.equal(welcome.sessionId, 's1');
  assert.equal(c.state, 'open');
  assert.deepEqual(states.map(([, s]) => s), ['connecting', 'open']);
});

test('frames sent before the welcome wait for it, then go out in order', async () => {
  const c = client();
  const connecting = c.connect();
  c.join('r');
  c.message('hi');
  const conn = await server.nextConnection();
  await sleep(50);
  conn.send({ type: 'welcome', sessionId: 's1', resumeToken: 'r1' });
  await connecting;
  assert.equal((await conn.nextFrame()).type, 'join');
  const message = await conn.nextFrame();
  assert.deepEqual([message.type, message.text], ['message', 'hi']);
});

test('a dropped session resumes with its resumeToken and the highest seq seen; replayed frames arrive in order, once', async () => {
  const c = client({ token: (() => { let n = 0; return () => `tok${++n}`; })() });
  const first = await connected(c);
  const events = record(c, ['peer.joined', 'offer', 'candidate', 'resumed']);
  first.send({ type: 'peer.joined', room: 'r', peer: 'bob', seq: 1 });
  first.send({ type: 'offer', from: 'bob', sdp: 'o1', seq: 2 });
  await until('two frames', () => events.length === 2);
  first.drop();
  await nextEvent(c, 'state');
  assert.equal(c.state, 'reconnecting');
  c.answer('bob', 'a1');
  c.answer('bob', 'a2');

  const second = await server.nextConnection();
  assert.equal(second.request.query.get('access_token'), 'tok2');
  assert.equal(second.request.query.get('resume'), 'r1');
  assert.equal(second.request.query.get('seen'), '2');
  second.send({ type: 'welcome', sessionId: 's1', resumeToken: 'r2' });
  second.send({ type: 'resumed', missed: 2 });
  second.send({ type: 'offer', from: 'bob', sdp: 'o1', seq: 2 });
  second.send({ type: 'candidate', from: 'bob', candidate: null, seq: 3 });
  second.send({ type: 'offer', from: 'bob', sdp: 'o2', seq: 4 });
  await until('replayed frames', () => events.length === 5);
  assert.deepEqual(events.map(([type, f]) => `${type}:${f.seq ?? f.missed}`),
    ['peer.joined:1', 'offer:2', 'resumed:2', 'candidate:3', 'offer:4']);
  assert.deepEqual([(await second.nextFrame()).sdp, (await second.nextFrame()).sdp], ['a1', 'a2']);

  second.drop();
  const third = await server.nextConnection();
  assert.equal(third.request.query.get('resume'), 'r2');
  assert.equal(third.request.query.get('seen'), '4');
});

test('a lost session is surfaced, its rooms are joined again before queued frames, and seq starts over', async () => {
  const c = client();
  const first = await connected(c);
  first.send({ type: 'joined', replyTo: 'c1', room: 'lobby', peers: [] });
  first.send({ type: 'peer.joined', room: 'lobby', peer: 'bob', seq: 7 });
  await nextEvent(c, 'peer.joined');
  first.drop();
  await nextEvent(c, 'state');
  c.message('still there?');
  const second = await server.nextConnection();
  const lost = nextEvent(c, 'lost');
  second.send({ type: 'welcome', sessionId: 's2', resumeToken: 'r9' });
  second.send({ type: 'resumed', missed: 0, lost: true });
  assert.equal((await lost).lost, true);
  const rejoin = await second.nextFrame();
  assert.deepEqual([rejoin.type, rejoin.room], ['join', 'lobby']);
  assert.equal((await second.nextFrame()).text, 'still there?');
  const fresh = nextEvent(c, 'peer.joined');
  second.send({ type: 'peer.joined', room: 'lobby', peer: 'bob', seq: 1 });
  assert.equal((await fresh).seq, 1);
});

test('failed reconnects back off exponentially up to maxDelayMs, then give up after maxAttempts', async () => {
  const c = client({ random: () => 1, reconnect: { minDelayMs: 40, maxDelayMs: 160, maxAttempts: 4 } });
  const conn = await connected(c);
  server.respond = () => 503;
  const gaveUp = nextEvent(c, 'error', 5000);
  const droppedAt = Date.now();
  conn.drop();
  const error = await gaveUp;
  assert.equal(error.code, 'reconnect_failed');
  assert.equal(c.state, 'closed');
  const times = [droppedAt, ...server.upgrades.slice(1).map((u) => u.at)];
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  assert.equal(gaps.length, 4, `4 attempts, got gaps ${gaps}`);
  [40, 80, 160, 160].forEach((expected, i) => {
    assert.ok(gaps[i] >= expected - 5 && gaps[i] < expected + 150, `gap ${i} was ${gaps[i]} ms, expected ~${expected}`);
  });
  await sleep(400);
  assert.equal(server.upgrades.length, 5, 'no attempt after giving up');
});

test('backoff delays are full-jittered: a random draw of 0 retries at once', async () => {
  const draws = [];
  const c = client({ random: () => { draws.push(0); return 0; }, reconnect: { minDelayMs: 1000, maxDelayMs: 8000 } });
  const conn = await connected(c);
  server.respond = () => (server.upgrades.length < 4 ? 503 : 101);
  const droppedAt = Date.now();
  conn.drop();
  const next = await server.nextConnection();
  assert.ok(Date.now() - droppedAt < 900, `reconnected after ${Date.now() - droppedAt} ms`);
  assert.equal(draws.length, 4, 'one random draw per scheduled attempt: the drop and 3 refusals');
  next.send({ type: 'welcome', sessionId: 's1', resumeToken: 'r2' });
});

test('a reconnect frame makes the client leave the draining node and resume promptly', async () => {
  const c = client({ random: () => 1, reconnect: { minDelayMs: 50, maxDelayMs: 5000 } });
  const first = await connected(c);
  const told = nextEvent(c, 'reconnect');
  first.send({ type: 'reconnect', reason: 'draining' });
  assert.equal((await told).reason, 'draining');
  assert.equal((await first.closed).code, 4000);
  const startedAt = Date.now();
  const second = await server.nextConnection();
  assert.ok(Date.now() - startedAt < 300);
  assert.equal(second.request.query.get('resume'), 'r1');
});

test('close 1012 resumes promptly; 1013 retries later with growing delays', async () => {
  const c = client({ random: () => 1, reconnect: { minDelayMs: 50, maxDelayMs: 5000 } });
  const first = await connected(c);
  const closes = record(c, ['close']);
  first.close(1012, 'draining');
  const afterDrain = await server.nextConnection();
  const drainGap = server.upgrades[1].at - server.upgrades[0].at;
  assert.equal(afterDrain.request.query.get('resume'), 'r1');
  assert.deepEqual(closes[0][1], { code: 1012, reason: 'draining', reconnecting: true });

  afterDrain.close(1013, 'try again later');
  const second = await server.nextConnection();
  second.close(1013, 'try again later');
  const third = await server.nextConnection();
  third.send({ type: 'welcome', sessionId: 's1', resumeToken: 'r2' });
  const at = server.upgrades.map((u) => u.at);
  const gaps = [at[2] - at[1], at[3] - at[2]];
  assert.ok(drainGap < 50 + 150, `1012 retried after ${drainGap} ms`);
  assert.ok(gaps[0] >= 95 && gaps[1] >= 195, `1013 retried after ${gaps} ms (expected ≥100, ≥200)`);
  assert.equal(third.request.query.get('resume'), 'r1', 'the token refused with 1013 is presented again');
});

for (const [code, reason] of [[1008, 'slow consumer'], [4409, 'replaced']]) {
  test(`close ${code} (${reason}) ends the client without reconnecting`, async () => {
    const c = client();
    const conn = await connected(c);
    const error = nextEvent(c, 'error');
    conn.close(code, reason);
    assert.equal((await error).code, 'closed');
    assert.equal(c.state, 'closed');
    await sleep(200);
    assert.equal(server.upgrades.length, 1);
    assert.throws(() => c.message('x'), (err) => err instanceof ParleyError && err.code === 'not_connected');
  });
}

test('frames queued while away are dropped when the session ends for good, not sent into the next one', async () => {
  const c = client();
  const first = await connected(c);
  first.close(1001, 'going away');
  await until('reconnecting', () => c.state === 'reconnecting');
  c.message('stale');
  const resuming = await server.nextConnection();
  const error = nextEvent(c, 'error');
  resuming.close(4409, 'replaced');
  assert.equal((await error).code, 'closed');
  assert.equal(c.state, 'closed');
  const next = await connected(c, { sessionId: 's2', resumeToken: 'r2' });
  c.message('fresh');
  const frame = await next.nextFrame();
  assert.equal(frame.text, 'fresh', 'the first frame of the new session is its own, not the stale message');
});

test('close() ends for good: no reconnect, queued frames dropped', async () => {
  const c = client();
  const conn = await connected(c);
  const closed = nextEvent(c, 'close');
  c.close();
  assert.deepEqual(await closed, { code: 1000, reason: 'closed by client', reconnecting: false });
  assert.equal((await conn.closed).code, 1000);
  await sleep(200);
  assert.equal(server.upgrades.length, 1);
  assert.equal(c.state, 'closed');
});

test('a refused first connect rejects with a clear error and is not retried', async () => {
  server.respond = () => 401;
  const c = client();
  await assert.rejects(c.connect(), (err) => err.code === 'connect_failed' && /refused the upgrade/.test(err.message));
  assert.equal(c.state, 'closed');
  await sleep(200);
  assert.equal(server.upgrades.length, 1);
});

test('an expired static token is refused before any upgrade', async () => {
  const claims = Buffer.from(JSON.stringify({ sub: 'alice', exp: Math.floor(Date.now() / 1000) - 5 })).toString('base64url');
  const c = client({ token: `eyJhbGciOiJSUzI1NiJ9.${claims}.sig` });
  await assert.rejects(c.connect(), (err) => err.code === 'token_expired');
  assert.equal(server.upgrades.length, 0);
});

test('the token function is called on every connect; its auth failure stops reconnecting', async () => {
  let calls = 0;
  const c = client({
    token: async () => {
      calls++;
      if (calls > 1) throw new ParleyError('unauthorized', 'API key revoked', { status: 401 });
      return 'first';
    },
  });
  const conn = await connected(c);
  const error = nextEvent(c, 'error');
  conn.drop();
  assert.equal((await error).code, 'unauthorized');
  await until('closed', () => c.state === 'closed');
  await sleep(200);
  assert.equal(calls, 2);
  assert.equal(server.upgrades.length, 1);
});

test('a token function failing for another reason is retried with the next attempt', async () => {
  let calls = 0;
  const c = client({ token: () => { calls++; if (calls === 2) throw new Error('network down'); return `t${calls}`; } });
  const conn = await connected(c);
  const errors = record(c, ['error']);
  conn.drop();
  const next = await server.nextConnection();
  assert.equal(next.request.query.get('access_token'), 't3');
  assert.deepEqual(errors.map(([, e]) => e.code), ['token_failed']);
});

test('the send queue is bounded while reconnecting; what fits is sent, in order, once back', async () => {
  const c = client({ maxQueuedFrames: 3, reconnect: { minDelayMs: 20, maxDelayMs: 20 } });
  const conn = await connected(c);
  server.respond = () => 503;
  conn.drop();
  await nextEvent(c, 'state');
  c.signal('bob', { n: 1 });
  c.signal('bob', { n: 2 });
  c.signal('bob', { n: 3 });
  assert.throws(() => c.signal('bob', { n: 4 }), (err) => err.code === 'queue_full');
  assert.equal(c.sendBinary(new Uint8Array(4)), false);
  server.respond = () => 101;
  const back = await server.nextConnection();
  back.send({ type: 'welcome', sessionId: 's1', resumeToken: 'r2' });
  back.send({ type: 'resumed', missed: 0 });
  const sent = [await back.nextFrame(), await back.nextFrame(), await back.nextFrame()];
  assert.deepEqual(sent.map((f) => f.data.n), [1, 2, 3]);
  await assert.rejects(back.nextFrame({ timeoutMs: 200 }));
});

test('binary frames are delivered as ArrayBuffer "audio" events', async () => {
  const c = client();
  const conn = await connected(c);
  const audio = nextEvent(c, 'audio');
  conn.sendBinary([1, 0, 2, 0]);
  const data = await audio;
  assert.ok(data instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(data)], [1, 0, 2, 0]);
});

test('a silent connection is detected by the heartbeat and resumed', async () => {
  const c = client({ heartbeat: { intervalMs: 60, timeoutMs: 60 } });
  const first = await connected(c);
  const ping = await first.nextFrame({ pings: true });
  assert.equal(ping.type, 'ping');
  const second = await server.nextConnection();
  assert.equal(second.request.query.get('resume'), 'r1');
  assert.equal((await first.closed).code, 4000);
});

test('listeners: on() returns an unsubscribe function, off() removes', async () => {
  const c = client();
  const conn = await connected(c);
  const got = [];
  const unsubscribe = c.on('response', (f) => got.push(`a:${f.text}`));
  const other = (f) => got.push(`b:${f.text}`);
  c.on('response', other);
  conn.send({ type: 'response', text: '1' });
  await until('first', () => got.length === 2);
  unsubscribe();
  c.off('response', other);
  const last = nextEvent(c, 'pong');
  conn.send({ type: 'response', text: '2' });
  conn.send({ type: 'pong' });
  await last;
  assert.deepEqual(got, ['a:1', 'b:1']);
});
