// VoiceSession: talk to the tenant's agent by voice over a ParleyClient — microphone up as 16 kHz linear16, speech down.
import { Emitter } from './parley-events.js';

const SAMPLE_RATE = 16000;
const FRAME_MS = 20;
/** The agent's audio comes 200 ms ahead of its playing pace: buffer that much before playing (and after an underrun). */
const JITTER_SECONDS = 0.2;

/**
 * One voice session (docs/protocol.md, Voice): `voice.start` linear16 at 16 kHz, the microphone resampled by an
 * AudioWorklet and sent as binary frames, the agent's turns played as they come, stopped at once on `audio.clear`
 * (answered with `audio.played`). Events: `state` ('idle'|'starting'|'active'|'stopped'), `transcript` (the frame),
 * `speaking` (true/false: the agent's audio plays), `stopped` ({ reason }).
 */
export class VoiceSession {
  #emitter = new Emitter();
  #client;
  #language;
  #workletUrl;
  #AudioContext;
  #mediaDevices;
  #state = 'idle';
  #ctx = null;
  #mic = null;
  #ownsMic = false;
  #capture = null;
  #unsubscribe = [];
  #turn = null;
  #playhead = 0;
  #playing = new Set();

  constructor(client, {
    language,
    workletUrl = new URL('./parley-voice-worklet.js', import.meta.url),
    AudioContext = globalThis.AudioContext,
    mediaDevices = globalThis.navigator?.mediaDevices,
  } = {}) {
    this.#client = client;
    this.#language = language;
    this.#workletUrl = workletUrl;
    this.#AudioContext = AudioContext;
    this.#mediaDevices = mediaDevices;
  }

  /** 'idle', 'starting', 'active' or 'stopped'. */
  get state() { return this.#state; }

  /** Listens to `state`, `transcript`, `speaking` or `stopped`; returns the unsubscribe function. */
  on(type, fn) { return this.#emitter.on(type, fn); }

  /** Stops a listener added with `on`. */
  off(type, fn) { this.#emitter.off(type, fn); }

  /**
   * Starts the session; resolves once the server said `voice.started` and the microphone streams. `stream`: a
   * MediaStream to use instead of asking for the microphone. Rejects with an Error whose `code` is the server's
   * (`voice_unavailable` — its message says what to configure —, `voice_busy`, `voice_active`…).
   */
  async start({ stream } = {}) {
    if (this.#state === 'starting' || this.#state === 'active') throw new Error('the voice session already runs');
    if (typeof this.#AudioContext !== 'function') throw new Error('Web Audio is not available here');
    this.#setState('starting');
    try {
      this.#ctx = new this.#AudioContext();
      await this.#ctx.audioWorklet.addModule(this.#workletUrl);
      this.#ownsMic = !stream;
      this.#mic = stream ?? await this.#mediaDevices.getUserMedia({
        audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true, autoGainControl: true },
      });
      this.#listen();
      await this.#voiceStarted(this.#client.voiceStart({ sampleRate: SAMPLE_RATE, language: this.#language }));
      this.#startCapture();
      this.#setState('active');
    } catch (err) {
      this.#end('failed');
      throw err;
    }
  }

  /** Ends the session (`voice.stop`), stops the microphone (if this session opened it) and the agent's audio. */
  stop() {
    if (this.#state !== 'starting' && this.#state !== 'active') return;
    if (this.#client.state === 'open') this.#client.voiceStop();
    this.#end('stopped');
  }

  #voiceStarted(id) {
    return new Promise((resolve, reject) => {
      const offs = [
        this.#client.on('voice.started', (frame) => { if (frame.replyTo === id) { done(); resolve(frame); } }),
        this.#client.on('error', (frame) => {
          if (frame.replyTo !== id) return;
          done();
          reject(Object.assign(new Error(frame.message), { code: frame.code }));
        }),
        this.#client.on('close', () => {
          done();
          reject(Object.assign(new Error('the connection closed before voice started'), { code: 'disconnected' }));
        }),
      ];
      const done = () => offs.forEach((off) => off());
      this.#unsubscribe.push(done);
    });
  }

  #listen() {
    const on = (type, fn) => this.#unsubscribe.push(this.#client.on(type, fn));
    on('transcript', (frame) => this.#emitter.emit('transcript', frame));
    on('audio.start', (frame) => { this.#turn = { id: frame.turnId, cleared: false, playedSeconds: 0 }; });
    on('audio', (data) => this.#play(data));
    on('audio.clear', (frame) => this.#clear(frame.turnId));
    on('voice.stopped', (frame) => this.#end(frame.reason));
    on('close', () => this.#end('disconnected'));
  }

  #startCapture() {
    const source = this.#ctx.createMediaStreamSource(this.#mic);
    const node = new AudioWorkletNode(this.#ctx, 'parley-capture', {
      processorOptions: { targetRate: SAMPLE_RATE, frameMs: FRAME_MS },
    });
    node.port.onmessage = (event) => this.#client.sendBinary(event.data);
    source.connect(node);
    node.connect(this.#ctx.destination);
    this.#capture = { source, node };
  }

  /** Schedules one frame of the agent's linear16 audio right after the previous one, with a jitter buffer. */
  #play(data) {
    const turn = this.#turn;
    if (!turn || turn.cleared || this.#state !== 'active') return;
    const view = new DataView(data);
    const samples = Math.floor(view.byteLength / 2);
    if (samples === 0) return;
    const buffer = this.#ctx.createBuffer(1, samples, SAMPLE_RATE);
    const channel = buffer.getChannelData(0);
    for (let i = 0; i < samples; i++) channel[i] = view.getInt16(i * 2, true) / 0x8000;
    const source = this.#ctx.createBufferSource();
    source.buffer = buffer;
    source.connect(this.#ctx.destination);
    const now = this.#ctx.currentTime;
    if (this.#playhead < now) this.#playhead = now + JITTER_SECONDS;
    const chunk = { source, turn, start: this.#playhead, duration: buffer.duration };
    source.onended = () => {
      if (!this.#playing.delete(chunk)) return;
      turn.playedSeconds += chunk.duration;
      if (this.#playing.size === 0) this.#emitter.emit('speaking', false);
    };
    if (this.#playing.size === 0) this.#emitter.emit('speaking', true);
    this.#playing.add(chunk);
    source.start(this.#playhead);
    this.#playhead += buffer.duration;
  }

  /** The user interrupted: silence turn `turnId` now and tell the server how much of it was heard. */
  #clear(turnId) {
    const turn = this.#turn;
    if (!turn || turn.id !== turnId || turn.cleared) return;
    turn.cleared = true;
    const now = this.#ctx.currentTime;
    let played = turn.playedSeconds;
    for (const chunk of [...this.#playing]) {
      if (chunk.turn !== turn) continue;
      played += Math.min(chunk.duration, Math.max(0, now - chunk.start));
      this.#playing.delete(chunk);
      chunk.source.stop();
    }
    this.#playhead = 0;
    if (this.#playing.size === 0) this.#emitter.emit('speaking', false);
    this.#client.audioPlayed(turnId, played * 1000);
  }

  #end(reason) {
    if (this.#state === 'stopped' || this.#state === 'idle') return;
    this.#unsubscribe.splice(0).forEach((off) => off());
    for (const chunk of this.#playing) chunk.source.stop();
    if (this.#playing.size > 0) this.#emitter.emit('speaking', false);
    this.#playing.clear();
    this.#turn = null;
    this.#playhead = 0;
    if (this.#capture) {
      this.#capture.node.port.onmessage = null;
      this.#capture.source.disconnect();
      this.#capture.node.disconnect();
      this.#capture = null;
    }
    if (this.#mic && this.#ownsMic) this.#mic.getTracks().forEach((track) => track.stop());
    this.#mic = null;
    if (this.#ctx) this.#ctx.close();
    this.#ctx = null;
    this.#setState('stopped');
    this.#emitter.emit('stopped', { reason });
  }

  #setState(state) {
    if (this.#state === state) return;
    this.#state = state;
    this.#emitter.emit('state', state);
  }
}
