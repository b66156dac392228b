// A scriptable stand-in for a Parley node: node:http upgrade plus minimal RFC 6455 framing, for close codes on demand.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A WebSocket server whose upgrades and connections a test drives by hand. */
export class FakeServer {
  /** Every upgrade request: `{ at, path, query, status }` (status 101 when accepted). */
  upgrades = [];
  /** Answers an upgrade request (`{ path, query }`) with an HTTP status; 101 accepts. */
  respond = () => 101;
  #http;
  #waiting = [];
  #connections = [];
  #sockets = new Set();

  static async start() {
    const server = new FakeServer();
    await server.#listen();
    return server;
  }

  /** `ws://127.0.0.1:<port>`. */
  get url() { return `ws://127.0.0.1:${this.#http.address().port}`; }

  /** Resolves with the next accepted connection (or one accepted earlier and not yet taken). */
  nextConnection(timeoutMs = 5000) {
    if (this.#connections.length) return Promise.resolve(this.#connections.shift());
    let waiter;
    const next = new Promise((resolve) => { waiter = resolve; this.#waiting.push(waiter); });
    return withTimeout(next, timeoutMs, 'no connection came').finally(() => {
      this.#waiting = this.#waiting.filter((w) => w !== waiter);
    });
  }

  /** Forgets what one test left: upgrades, untaken connections, the upgrade answer. */
  reset() {
    this.upgrades.length = 0;
    this.#connections.length = 0;
    this.respond = () => 101;
  }

  async stop() {
    for (const socket of this.#sockets) socket.destroy();
    this.#http.closeAllConnections();
    await new Promise((resolve) => this.#http.close(resolve));
  }

  #listen() {
    this.#http = createServer((req, res) => res.writeHead(426).end());
    this.#http.on('upgrade', (req, socket) => this.#upgrade(req, socket));
    return new Promise((resolve) => this.#http.listen(0, '127.0.0.1', resolve));
  }

  #upgrade(req, socket) {
    this.#sockets.add(socket);
    socket.on('close', () => this.#sockets.delete(socket));
    const parsed = new URL(req.url, 'http://fake');
    const request = { path: parsed.pathname, query: parsed.searchParams };
    const status = this.respond(request);
    this.upgrades.push({ at: Date.now(), ...request, status });
    if (status !== 101) {
      socket.end(`HTTP/1.1 ${status} Refused\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    const accept = createHash('sha1').update(req.headers['sec-websocket-key'] + GUID).digest('base64');
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n'
      + `Sec-WebSocket-Accept: ${accept}\r\n\r\n`);
    const connection = new FakeConnection(socket, request);
    const waiter = this.#waiting.shift();
    if (waiter) waiter(connection); else this.#connections.push(connection);
  }
}

/** One accepted socket: frames the client sent, and ways to answer or end it. */
export class FakeConnection {
  /** The upgrade's path and query (URLSearchParams). */
  request;
  /** Resolves with `{ code, reason }` when the client closes (code 1005 without one) or the socket ends. */
  closed;
  #socket;
  #buffer = Buffer.alloc(0);
  #frames = [];
  #waiting = [];
  #closing = false;

  constructor(socket, request) {
    this.#socket = socket;
    this.request = request;
    let onClosed;
    this.closed = new Promise((resolve) => { onClosed = resolve; });
    this.#socket.on('data', (chunk) => this.#read(chunk, onClosed));
    this.#socket.on('close', () => onClosed({ code: 1006, reason: '' }));
    this.#socket.on('error', () => {});
  }

  /** Sends one JSON text frame. */
  send(frame) { this.#write(0x1, Buffer.from(JSON.stringify(frame))); }

  /** Sends one binary frame. */
  sendBinary(bytes) { this.#write(0x2, Buffer.from(bytes)); }

  /** Starts the closing handshake with `code` and `reason`. */
  close(code, reason = '') {
    const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
    payload.writeUInt16BE(code, 0);
    payload.write(reason, 2);
    this.#write(0x8, payload);
    this.#closing = true;
  }

  /** Cuts the TCP connection without a close frame (the client sees 1006). */
  drop() { this.#socket.destroy(); }

  /** Resolves with the next text frame from the client, parsed, skipping `ping` frames unless `pings` is set. */
  nextFrame({ timeoutMs = 5000, pings = false } = {}) {
    const take = () => {
      const index = this.#frames.findIndex((f) => pings || f.type !== 'ping');
      return index < 0 ? undefined : this.#frames.splice(index, 1)[0];
    };
    const ready = take();
    if (ready) return Promise.resolve(ready);
    return withTimeout(new Promise((resolve) => this.#waiting.push({ take, resolve })), timeoutMs,
      'no frame came from the client');
  }

  #write(opcode, payload) {
    if (this.#closing || this.#socket.destroyed) return;
    const length = payload.length;
    const header = length < 126 ? Buffer.from([0x80 | opcode, length])
      : length < 65536 ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
    this.#socket.write(Buffer.concat([header, payload]));
  }

  #read(chunk, onClosed) {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const frame = parseFrame(this.#buffer);
      if (!frame) return;
      this.#buffer = this.#buffer.subarray(frame.size);
      if (frame.opcode === 0x1) this.#deliver(JSON.parse(frame.payload.toString('utf8')));
      if (frame.opcode === 0x9) this.#write(0xA, frame.payload);
      if (frame.opcode === 0x8) {
        const code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        onClosed({ code, reason: frame.payload.subarray(2).toString('utf8') });
        if (!this.#closing) this.#write(0x8, frame.payload.subarray(0, 2));
        this.#socket.end();
      }
    }
  }

  #deliver(frame) {
    this.#frames.push(frame);
    for (const waiter of [...this.#waiting]) {
      const taken = waiter.take();
      if (!taken) continue;
      this.#waiting.splice(this.#waiting.indexOf(waiter), 1);
      waiter.resolve(taken);
    }
  }
}

/** One complete client frame at the start of `buffer` (unmasked), or null when more bytes are needed. */
function parseFrame(buffer) {
  if (buffer.length < 2) return null;
  const opcode = buffer[0] & 0x0f;
  const masked = (buffer[1] & 0x80) !== 0;
  let length = buffer[1] & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return null;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return null;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return null;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) {
    for (let i = 0; i < payload.length; i++) payload[i] ^= buffer[maskOffset + (i % 4)];
  }
  return { opcode, payload, size: offset + length };
}

function bigEndian64(n) {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(n));
  return bytes;
}

/** `promise`, or a rejection saying `what` after `ms`. */
export function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
