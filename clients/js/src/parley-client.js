// ParleyClient: one peer's signalling socket to Parley (docs/protocol.md), resumed across reconnects; fetchToken.
import { Emitter } from './parley-events.js';

const OPEN = 1;
/** Closes after which reconnecting would be wrong: slow consumer (1008), replaced or resumed elsewhere (4409). */
const FINAL_CLOSE_CODES = new Set([1008, 4409]);
const TRY_AGAIN_LATER = 1013;
const DRAINING = 1012;
/** The code this client closes an abandoned socket with (browsers only allow 1000 and 3000–4999). */
const CLIENT_DROP = 4000;

/** An error raised by the client: `code` says what went wrong, `status` is the HTTP status when there was one. */
export class ParleyError extends Error {
  constructor(code, message, { status, cause } = {}) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'ParleyError';
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}

/**
 * Exchanges a tenant API key for a peer's access token (`POST /api/v1/tokens`) and resolves with the JWT.
 * Rejects with a ParleyError carrying the server's error code and HTTP status (401: unknown API key).
 */
export async function fetchToken({ baseUrl, apiKey, peerId, ttlSeconds, fetch: fetchImpl = globalThis.fetch } = {}) {
  if (!apiKey) throw new TypeError('fetchToken needs an apiKey');
  if (!peerId) throw new TypeError('fetchToken needs a peerId');
  if (typeof fetchImpl !== 'function') throw new TypeError('no fetch available: pass { fetch }');
  const body = ttlSeconds === undefined ? { peerId } : { peerId, ttlSeconds };
  let response;
  try {
    response = await fetchImpl(`${baseOf(baseUrl, 'http')}/api/v1/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
      body: JSON.stringify(body),
    });
  } catch (err) {
    throw new ParleyError('unreachable', `could not reach Parley to get a token: ${err.message}`, { cause: err });
  }
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    const why = answer.message || response.statusText || 'no reason given';
    throw new ParleyError(answer.error || 'token_refused', `token request refused (${response.status}): ${why}`,
      { status: response.status });
  }
  if (typeof answer.token !== 'string') throw new ParleyError('token_refused', 'the token answer carried no token');
  return answer.token;
}

/**
 * The signalling socket of one peer. Connects to `{url}/ws/v1/signal/{peerId}?access_token=…`, reconnects
 * with jittered exponential backoff and resumes the session (`?resume=&seen=`), so frames from other peers
 * sent meanwhile are delivered in order; queues (boundedly) what is sent while it is away.
 */
export class ParleyClient {
  #emitter = new Emitter();
  #url;
  #peerId;
  #token;
  #WebSocket;
  #reconnect;
  #maxQueuedFrames;
  #heartbeat;
  #random;

  #state = 'closed';
  #ws = null;
  #ready = false;
  #queue = [];
  #session = null;
  #resumeToken = null;
  #lastSeq = 0;
  #rooms = new Set();
  #failures = 0;
  #timer = null;
  #heartbeatTimer = null;
  #generation = 0;
  #nextId = 0;
  #firstConnect = null;

  constructor({
    url = globalThis.location?.origin,
    peerId,
    token,
    WebSocket = globalThis.WebSocket,
    reconnect = {},
    maxQueuedFrames = 256,
    heartbeat = { intervalMs: 20000, timeoutMs: 10000 },
    random = Math.random,
  } = {}) {
    if (!peerId || !/^[A-Za-z0-9._-]{1,64}$/.test(peerId)) {
      throw new TypeError('peerId must be 1–64 of [A-Za-z0-9._-]');
    }
    if (typeof token !== 'string' && typeof token !== 'function') {
      throw new TypeError('token must be a string or a function returning one');
    }
    if (typeof WebSocket !== 'function') throw new TypeError('no WebSocket available: pass { WebSocket }');
    if (!(maxQueuedFrames >= 0)) throw new TypeError('maxQueuedFrames must be a number ≥ 0');
    this.#url = baseOf(url, 'ws');
    this.#peerId = peerId;
    this.#token = token;
    this.#WebSocket = WebSocket;
    this.#reconnect = { minDelayMs: 250, maxDelayMs: 10000, maxAttempts: Infinity, ...reconnect };
    this.#maxQueuedFrames = maxQueuedFrames;
    this.#heartbeat = heartbeat || null;
    this.#random = random;
  }

  /** `'connecting'` (first connect), `'open'` (welcomed), `'reconnecting'` or `'closed'`. */
  get state() { return this.#state; }

  /** This client's peer id. */
  get peerId() { return this.#peerId; }

  /** The last `welcome` frame (sessionId, peerId, tenantId…), or null before the first one. */
  get session() { return this.#session; }

  /** Listens to a server frame type or a client event; returns the function that stops listening. */
  on(type, fn) { return this.#emitter.on(type, fn); }

  /** Stops a listener added with `on`. */
  off(type, fn) { this.#emitter.off(type, fn); }

  /**
   * Opens the socket; resolves with the `welcome` frame. A first connect that fails (refused upgrade, unreachable
   * node, closed before the welcome, token provider failing) rejects and does not retry.
   */
  connect() {
    if (this.#state === 'connecting') return this.#firstConnect.promise;
    if (this.#state !== 'closed') return Promise.resolve(this.#session);
    this.#resumeToken = null;
    this.#session = null;
    this.#lastSeq = 0;
    this.#rooms.clear();
    this.#queue = []; // frames of an earlier session that ended for good are never sent into a new one
    this.#failures = 0;
    let settle;
    const promise = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    this.#firstConnect = { promise, ...settle };
    this.#setState('connecting');
    this.#open();
    return promise;
  }

  /** Ends for good: closes the socket, drops queued frames, never reconnects. */
  close() {
    if (this.#state === 'closed') return;
    this.#generation++;
    clearTimeout(this.#timer);
    const ws = this.#ws;
    this.#detach();
    this.#queue = [];
    if (ws) ws.close(1000, 'closed by client');
    this.#rejectFirstConnect(new ParleyError('closed', 'the client was closed before it connected'));
    this.#emitter.emit('close', { code: 1000, reason: 'closed by client', reconnecting: false });
    this.#setState('closed');
  }

  /**
   * Sends a JSON frame. While the client is (re)connecting it is queued, in order, and sent once the session is
   * back; past `maxQueuedFrames` it throws a ParleyError `queue_full`. Throws `not_connected` when closed.
   */
  send(frame) {
    if (frame === null || typeof frame !== 'object' || typeof frame.type !== 'string') {
      throw new TypeError('a frame is an object with a string "type"');
    }
    if (this.#state === 'closed') throw new ParleyError('not_connected', 'not connected: call connect() first');
    const text = JSON.stringify(frame);
    if (this.#ready && this.#ws.readyState === OPEN) {
      this.#ws.send(text);
      return;
    }
    if (this.#queue.length >= this.#maxQueuedFrames) {
      throw new ParleyError('queue_full',
        `${this.#queue.length} frames already wait for the connection to come back; this one was not sent`);
    }
    this.#queue.push(text);
  }

  /** Sends a binary frame (voice audio) if the session is open; returns false (dropped) otherwise. */
  sendBinary(data) {
    if (!this.#ready || this.#ws.readyState !== OPEN) return false;
    this.#ws.send(data);
    return true;
  }

  /** Enters a room → `joined`; returns the frame id. */
  join(room) { return this.#request({ type: 'join', room }); }

  /** Leaves a room → `left`; returns the frame id. */
  leave(room) { return this.#request({ type: 'leave', room }); }

  /** Relays an SDP offer to peer `to`. */
  offer(to, sdp) { return this.#request({ type: 'offer', to, sdp }); }

  /** Relays an SDP answer to peer `to`. */
  answer(to, sdp) { return this.#request({ type: 'answer', to, sdp }); }

  /** Relays an ICE candidate (RTCIceCandidate or its init; null: end of candidates) to peer `to`. */
  candidate(to, candidate) {
    const c = candidate && candidate.candidate !== undefined ? {
      candidate: candidate.candidate,
      sdpMid: candidate.sdpMid ?? null,
      sdpMLineIndex: candidate.sdpMLineIndex ?? null,
      usernameFragment: candidate.usernameFragment ?? null,
    } : null;
    return this.#request({ type: 'candidate', to, candidate: c });
  }

  /** Relays any application object to peer `to`. */
  signal(to, data) { return this.#request({ type: 'signal', to, data }); }

  /** Sends text to the tenant's agent → `response.delta`…, `response`; returns the frame id (their `replyTo`). */
  message(text, { conversationId } = {}) {
    return this.#request(conversationId ? { type: 'message', text, conversationId } : { type: 'message', text });
  }

  /** Liveness probe → `pong`. */
  ping() { return this.#request({ type: 'ping' }); }

  /** Ends the current conversation → `ended`. */
  end() { return this.#request({ type: 'end' }); }

  /** Starts a voice session → `voice.started` (or an `error`: voice_unavailable, voice_busy…). */
  voiceStart({ encoding = 'linear16', sampleRate = 16000, language } = {}) {
    return this.#request(language ? { type: 'voice.start', encoding, sampleRate, language }
      : { type: 'voice.start', encoding, sampleRate });
  }

  /** Ends the voice session → `voice.stopped`. */
  voiceStop() { return this.#request({ type: 'voice.stop' }); }

  /** Tells how many milliseconds of the agent's turn `turnId` were played (after an `audio.clear`). */
  audioPlayed(turnId, ms) { return this.#request({ type: 'audio.played', turnId, ms: Math.max(0, Math.round(ms)) }); }

  #request(frame) {
    const id = `c${++this.#nextId}`;
    this.send({ ...frame, id });
    return id;
  }

  async #open() {
    const generation = ++this.#generation;
    let token;
    try {
      token = await this.#freshToken();
    } catch (err) {
      if (generation !== this.#generation) return;
      const refused = err.status === 401 || err.status === 403;
      this.#failed(err instanceof ParleyError ? err
        : new ParleyError('token_failed', `could not get an access token: ${err.message}`, { cause: err }), refused);
      return;
    }
    if (generation !== this.#generation) return;
    let ws;
    try {
      ws = new this.#WebSocket(this.#socketUrl(token));
    } catch (err) {
      this.#failed(new ParleyError('invalid_url', `cannot open ${this.#url}: ${err.message}`, { cause: err }), true);
      return;
    }
    ws.binaryType = 'arraybuffer';
    this.#ws = ws;
    this.#ready = false;
    const socket = { opened: false, welcomed: false };
    ws.onopen = () => { socket.opened = true; };
    ws.onmessage = (event) => { if (ws === this.#ws) this.#receive(event.data, socket); };
    ws.onclose = (event) => {
      if (ws !== this.#ws) return;
      this.#detach();
      this.#dropped(event.code, event.reason, socket);
    };
    // A failed connection (refused upgrade, network error) is reported by an error event; some implementations
    // (Node's) send no close event after a refused upgrade, so the error is where the socket ends (as 1006).
    ws.onerror = () => {
      if (ws !== this.#ws) return;
      this.#detach();
      if (socket.opened) ws.close();
      this.#dropped(1006, 'connection failed', socket);
    };
  }

  async #freshToken() {
    const token = typeof this.#token === 'function' ? await this.#token() : this.#token;
    if (typeof token !== 'string' || token === '') {
      throw new ParleyError('token_failed', 'the token function returned no token');
    }
    const expiresAt = jwtExpiry(token);
    if (expiresAt !== null && expiresAt <= Date.now()) {
      throw new ParleyError('token_expired', 'the access token has expired: pass a function as `token` to get a fresh one',
        { status: 401 });
    }
    return token;
  }

  #socketUrl(token) {
    let url = `${this.#url}/ws/v1/signal/${encodeURIComponent(this.#peerId)}?access_token=${encodeURIComponent(token)}`;
    if (this.#resumeToken) url += `&resume=${encodeURIComponent(this.#resumeToken)}&seen=${this.#lastSeq}`;
    return url;
  }

  #receive(data, socket) {
    this.#armHeartbeat();
    if (typeof data !== 'string') {
      this.#emitter.emit('audio', data);
      return;
    }
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      this.#emitError('invalid_frame', 'the server sent a frame that is not JSON');
      return;
    }
    if (frame === null || typeof frame.type !== 'string') return;
    if (typeof frame.seq === 'number') {
      if (frame.seq <= this.#lastSeq) return;
      this.#lastSeq = frame.seq;
    }
    switch (frame.type) {
      case 'welcome': this.#welcomed(frame, socket); return;
      case 'resumed': this.#resumed(frame); return;
      case 'joined': this.#rooms.add(frame.room); break;
      case 'left': this.#rooms.delete(frame.room); break;
      case 'error': if (frame.room && (frame.code === 'room_full' || frame.code === 'room_limit')) this.#rooms.delete(frame.room); break;
      case 'reconnect': this.#emitter.emit('reconnect', frame); this.#abandon(DRAINING, `reconnect requested: ${frame.reason}`, socket); return;
      default: break;
    }
    this.#emitter.emit(frame.type, frame);
  }

  #welcomed(frame, socket) {
    const resuming = this.#resumeToken !== null;
    if (this.#session && this.#session.sessionId !== frame.sessionId) this.#lastSeq = 0;
    socket.welcomed = true;
    this.#failures = 0;
    this.#session = frame;
    this.#resumeToken = frame.resumeToken ?? null;
    this.#setState('open');
    this.#emitter.emit('welcome', frame);
    if (this.#firstConnect) {
      this.#firstConnect.resolve(frame);
      this.#firstConnect = null;
    }
    if (!resuming) this.#becomeReady();
  }

  #resumed(frame) {
    this.#emitter.emit('resumed', frame);
    if (frame.lost) {
      this.#emitter.emit('lost', frame);
      for (const room of this.#rooms) this.#ws.send(JSON.stringify({ type: 'join', id: `c${++this.#nextId}`, room }));
    }
    this.#becomeReady();
  }

  #becomeReady() {
    this.#ready = true;
    const queued = this.#queue;
    this.#queue = [];
    for (const text of queued) this.#ws.send(text);
    this.#armHeartbeat();
  }

  /** Leaves a socket this client no longer trusts (draining node, silent peer) and handles it as closed with `code`. */
  #abandon(code, reason, socket) {
    const ws = this.#ws;
    this.#detach();
    ws.close(CLIENT_DROP, reason.slice(0, 120));
    this.#dropped(code, reason, socket);
  }

  #detach() {
    if (this.#ws) {
      this.#ws.onopen = this.#ws.onmessage = this.#ws.onclose = this.#ws.onerror = null;
    }
    this.#ws = null;
    this.#ready = false;
    clearTimeout(this.#heartbeatTimer);
  }

  #dropped(code, reason, socket) {
    if (this.#firstConnect) {
      this.#failed(new ParleyError('connect_failed', socket.opened
        ? `the connection closed before the welcome (${code}${reason ? ` ${reason}` : ''})`
        : 'could not open the socket: the node refused the upgrade (invalid or expired token, token of another peer, '
          + 'origin not allowed, node draining) or could not be reached'), true);
      return;
    }
    const final = FINAL_CLOSE_CODES.has(code);
    this.#emitter.emit('close', { code, reason, reconnecting: !final });
    if (final) {
      this.#emitError('closed', `the server closed the session for good (${code} ${reason})`);
      this.#queue = [];
      this.#setState('closed');
      return;
    }
    if (!socket.welcomed || code === TRY_AGAIN_LATER) this.#failures++;
    this.#scheduleReconnect();
  }

  /** A connection attempt failed before its welcome (`final`: retrying cannot help). */
  #failed(err, final) {
    if (this.#firstConnect) {
      this.#rejectFirstConnect(err);
      this.#setState('closed');
      return;
    }
    this.#emitError(err.code, err.message);
    if (final) {
      this.#queue = [];
      this.#setState('closed');
      return;
    }
    this.#failures++;
    this.#scheduleReconnect();
  }

  #scheduleReconnect() {
    if (this.#failures >= this.#reconnect.maxAttempts) {
      this.#emitError('reconnect_failed', `gave up after ${this.#failures} failed reconnect attempts`);
      this.#queue = [];
      this.#setState('closed');
      return;
    }
    this.#setState('reconnecting');
    const { minDelayMs, maxDelayMs } = this.#reconnect;
    const delay = Math.floor(this.#random() * Math.min(maxDelayMs, minDelayMs * 2 ** this.#failures));
    this.#timer = setTimeout(() => this.#open(), delay);
  }

  #armHeartbeat() {
    if (!this.#heartbeat || !this.#ready) return;
    clearTimeout(this.#heartbeatTimer);
    const { intervalMs, timeoutMs } = this.#heartbeat;
    this.#heartbeatTimer = setTimeout(() => {
      this.#ws.send(JSON.stringify({ type: 'ping', id: `c${++this.#nextId}` }));
      this.#heartbeatTimer = setTimeout(
        () => this.#abandon(CLIENT_DROP, 'heartbeat timeout', { opened: true, welcomed: true }), timeoutMs);
    }, intervalMs);
  }

  #rejectFirstConnect(err) {
    if (!this.#firstConnect) return;
    this.#firstConnect.reject(err);
    this.#firstConnect = null;
  }

  #emitError(code, message) {
    this.#emitter.emit('error', { type: 'error', code, message, source: 'client' });
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.#emitter.emit('state', state);
  }
}

/** `url` (ws, wss, http or https; a path prefix is kept) as a base URL of the wanted family, without trailing slash. */
function baseOf(url, family) {
  if (!url) throw new TypeError('a Parley base URL is needed (ws://host:port or http(s)://host:port)');
  const parsed = new URL(url);
  const secure = parsed.protocol === 'https:' || parsed.protocol === 'wss:';
  if (!secure && parsed.protocol !== 'http:' && parsed.protocol !== 'ws:') {
    throw new TypeError(`unsupported URL scheme ${parsed.protocol} (use ws, wss, http or https)`);
  }
  const scheme = family === 'ws' ? (secure ? 'wss:' : 'ws:') : (secure ? 'https:' : 'http:');
  return `${scheme}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
}

/** The `exp` of a JWT in epoch milliseconds, or null when the token does not say (it is not verified here). */
function jwtExpiry(token) {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof claims.exp === 'number' ? claims.exp * 1000 : null;
  } catch {
    return null;
  }
}
