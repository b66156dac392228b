// PeerCall's perfect negotiation over a real ParleyClient (fake node) with a scripted RTCPeerConnection.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ParleyClient } from '../src/parley-client.js';
import { PeerCall } from '../src/parley-webrtc.js';
import { FakeServer } from './support/fake-server.js';
import { until } from './support/events.js';

/** Records what the call does to its connection; `setLocalDescription()` makes an offer or an answer as browsers do. */
class FakePeerConnection {
  signalingState = 'stable';
  remote = [];
  candidates = [];
  localDescription = null;
  async setLocalDescription() {
    const type = this.signalingState === 'have-remote-offer' ? 'answer' : 'offer';
    this.localDescription = { type, sdp: `local-${type}` };
    this.signalingState = type === 'offer' ? 'have-local-offer' : 'stable';
  }
  async setRemoteDescription(description) {
    this.remote.push(description);
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
  }
  async addIceCandidate(candidate) { this.candidates.push(candidate); }
  close() {}
}

let server;
let client;
let conn;
before(async () => {
  server = await FakeServer.start();
  client = new ParleyClient({ url: server.url, peerId: 'bob', token: 't', heartbeat: false });
  const connecting = client.connect();
  conn = await server.nextConnection();
  conn.send({ type: 'welcome', sessionId: 's', resumeToken: 'r' });
  await connecting;
});
after(() => { client.close(); return server.stop(); });

test('an offer from the peer is answered; frames from other peers are ignored', async () => {
  const call = new PeerCall(client, { peer: 'alice', RTCPeerConnection: FakePeerConnection });
  assert.equal(call.polite, false, 'bob > alice: bob is impolite');
  conn.send({ type: 'offer', from: 'mallory', sdp: 'evil', seq: 1 });
  conn.send({ type: 'offer', from: 'alice', sdp: 'remote-offer', seq: 2 });
  conn.send({ type: 'candidate', from: 'mallory', candidate: { candidate: 'x' }, seq: 3 });
  conn.send({ type: 'candidate', from: 'alice', candidate: { candidate: 'c1', sdpMid: '0' }, seq: 4 });
  const answer = await conn.nextFrame();
  assert.deepEqual([answer.type, answer.to, answer.sdp], ['answer', 'alice', 'local-answer']);
  await until('candidate added', () => call.pc.candidates.length === 1);
  assert.deepEqual(call.pc.remote.map((d) => d.sdp), ['remote-offer']);
  assert.equal(call.pc.candidates[0].candidate, 'c1');
  call.close();
});

test('the impolite side ignores a colliding offer; the polite side yields to it', async () => {
  const impolite = new PeerCall(client, { peer: 'alice', RTCPeerConnection: FakePeerConnection });
  impolite.pc.signalingState = 'have-local-offer';
  conn.send({ type: 'offer', from: 'alice', sdp: 'colliding', seq: 5 });
  conn.send({ type: 'answer', from: 'alice', sdp: 'their-answer', seq: 6 });
  await until('answer applied', () => impolite.pc.remote.length === 1);
  assert.deepEqual(impolite.pc.remote.map((d) => d.type), ['answer']);
  impolite.close();

  const polite = new PeerCall(client, { peer: 'alice', polite: true, RTCPeerConnection: FakePeerConnection });
  polite.pc.signalingState = 'have-local-offer';
  conn.send({ type: 'offer', from: 'alice', sdp: 'colliding-again', seq: 7 });
  const answer = await conn.nextFrame();
  assert.equal(answer.type, 'answer');
  assert.deepEqual(polite.pc.remote.map((d) => d.sdp), ['colliding-again']);
  polite.close();
});
