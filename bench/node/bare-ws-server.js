// The admission baseline of docs/benchmarks.md: a minimal Node `ws` server on the signalling path that
// accepts every upgrade (no auth, no storage, no cluster) and sends one welcome-sized JSON frame.
// Usage: node bare-ws-server.js [port=18090]
'use strict';
const http = require('http');
const { WebSocketServer } = require('ws');

const port = Number(process.argv[2] || 18090);
const server = http.createServer((req, res) => { res.writeHead(200); res.end('{"status":"UP"}'); });
const wss = new WebSocketServer({ server, perMessageDeflate: false });
let session = 0;
wss.on('connection', (socket, request) => {
  const peer = request.url.split('?')[0].split('/').pop();
  socket.send(JSON.stringify({ type: 'welcome', sessionId: `s-${++session}`, peerId: peer, seq: 1,
    resumeToken: 'x'.repeat(64), resumeWindowMs: 30000 }));
  socket.on('message', () => {});
});
server.listen(port, '127.0.0.1', () => console.log(`bare ws server on ${port}`));
