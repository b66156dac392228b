// PeerCall: a WebRTC call with one peer, negotiated over Parley's offer/answer/candidate relay ("perfect negotiation").
import { Emitter } from './parley-events.js';

/**
 * A call between this client and `peer`. Follows MDN's perfect negotiation pattern: either side may (re)negotiate at
 * any time; on an offer collision the polite side yields. Only frames `from` `peer` are considered.
 */
export class PeerCall {
  #emitter = new Emitter();
  #client;
  #peer;
  #stream;
  #polite;
  #makingOffer = false;
  #ignoreOffer = false;
  #settingRemoteAnswer = false;
  #inbox = Promise.resolve();
  #unsubscribe;
  #closed = false;

  /**
   * `peer`: the remote peer id; `stream`: the local MediaStream to send (optional); `polite`: yields on collisions
   * (default: the side with the smaller peer id, so exactly one side is polite); `iceServers`: RTCIceServer list.
   */
  constructor(client, { peer, stream, polite, iceServers = [{ urls: 'stun:stun.l.google.com:19302' }],
    RTCPeerConnection: PeerConnection = globalThis.RTCPeerConnection } = {}) {
    if (!peer) throw new TypeError('PeerCall needs the remote peer id');
    if (peer === client.peerId) throw new TypeError('a peer cannot call itself');
    if (typeof PeerConnection !== 'function') throw new TypeError('WebRTC is not available here');
    this.#client = client;
    this.#peer = peer;
    this.#stream = stream ?? null;
    this.#polite = polite ?? client.peerId < peer;
    this.pc = new PeerConnection({ iceServers });
    this.pc.onnegotiationneeded = () => this.#negotiate();
    this.pc.onicecandidate = ({ candidate }) => this.#relay(() => this.#client.candidate(this.#peer, candidate));
    this.pc.ontrack = (event) => this.#emitter.emit('track', event);
    this.pc.onconnectionstatechange = () => this.#emitter.emit('connectionstatechange', this.pc.connectionState);
    const listen = (type) => this.#client.on(type, (frame) => this.handle(frame));
    const offs = [listen('offer'), listen('answer'), listen('candidate'),
      this.#client.on('lost', () => this.pc.restartIce())];
    this.#unsubscribe = () => offs.forEach((off) => off());
  }

  /** The remote peer id. */
  get peer() { return this.#peer; }

  /** Whether this side yields on an offer collision. */
  get polite() { return this.#polite; }

  /**
   * Listens to `track` (RTCTrackEvent), `connectionstatechange` (the new state) or `error` (a failed negotiation step);
   * returns the unsubscribe function.
   */
  on(type, fn) { return this.#emitter.on(type, fn); }

  /** Stops a listener added with `on`. */
  off(type, fn) { this.#emitter.off(type, fn); }

  /**
   * Starts sending: adds the local stream's tracks (or, without a stream, asks to receive audio and video), which
   * starts negotiation. Passing `stream` here replaces the one given to the constructor.
   */
  start(stream = this.#stream) {
    this.#stream = stream;
    if (stream) {
      for (const track of stream.getTracks()) this.pc.addTrack(track, stream);
    } else {
      this.pc.addTransceiver('audio', { direction: 'recvonly' });
      this.pc.addTransceiver('video', { direction: 'recvonly' });
    }
  }

  /**
   * Handles one `offer`, `answer` or `candidate` frame from the remote peer (others are ignored); resolves once it is
   * handled. The call listens to the client itself: call this only with a frame that arrived before the call existed
   * (the offer that starts an incoming call; `start()` after it resolves, so the answer's tracks reuse its media).
   */
  handle(frame) {
    if (this.#closed || frame.from !== this.#peer) return this.#inbox;
    this.#inbox = this.#inbox.then(() => this.#receive(frame)).catch((err) => this.#fail(err));
    return this.#inbox;
  }

  /** Hangs up: closes the connection and stops listening (the local stream's tracks are left to their owner). */
  close() {
    if (this.#closed) return;
    this.#closed = true;
    this.#unsubscribe();
    this.pc.close();
    this.#emitter.emit('connectionstatechange', 'closed');
  }

  async #negotiate() {
    try {
      this.#makingOffer = true;
      await this.pc.setLocalDescription();
      this.#relay(() => this.#client.offer(this.#peer, this.pc.localDescription.sdp));
    } catch (err) {
      this.#fail(err);
    } finally {
      this.#makingOffer = false;
    }
  }

  async #receive(frame) {
    if (this.#closed) return;
    if (frame.type === 'candidate') {
      try {
        await this.pc.addIceCandidate(frame.candidate ?? undefined);
      } catch (err) {
        if (!this.#ignoreOffer) throw err;
      }
      return;
    }
    const description = { type: frame.type, sdp: frame.sdp };
    const readyForOffer = !this.#makingOffer && (this.pc.signalingState === 'stable' || this.#settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    this.#ignoreOffer = !this.#polite && collision;
    if (this.#ignoreOffer) return;
    this.#settingRemoteAnswer = description.type === 'answer';
    try {
      await this.pc.setRemoteDescription(description);
    } finally {
      this.#settingRemoteAnswer = false;
    }
    if (description.type === 'offer') {
      await this.pc.setLocalDescription();
      this.#relay(() => this.#client.answer(this.#peer, this.pc.localDescription.sdp));
    }
  }

  /** Sends through the client; a refusal (queue full, client closed) becomes an `error` event of the call. */
  #relay(send) {
    try {
      send();
    } catch (err) {
      this.#fail(err);
    }
  }

  #fail(err) {
    this.#emitter.emit('error', err);
  }
}
