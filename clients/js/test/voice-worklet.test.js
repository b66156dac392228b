// The capture worklet: resampling to 16 kHz linear16 in 20 ms frames, run with the AudioWorklet globals stubbed.
import assert from 'node:assert/strict';
import { test } from 'node:test';

/** Loads the worklet with `rate` as the AudioContext rate; resolves with its processor class. */
async function processorAt(rate) {
  let registered;
  globalThis.sampleRate = rate;
  globalThis.AudioWorkletProcessor = class { port = { messages: [], postMessage(m) { this.messages.push(m); } }; };
  globalThis.registerProcessor = (name, cls) => { registered = { name, cls }; };
  await import(`../src/parley-voice-worklet.js?rate=${rate}`);
  assert.equal(registered.name, 'parley-capture');
  return registered.cls;
}

/** Feeds `seconds` of a `hz` sine at `rate` in 128-sample render quanta; returns the posted frames as Int16 arrays. */
function capture(Processor, rate, hz, seconds) {
  const processor = new Processor({ processorOptions: { targetRate: 16000, frameMs: 20 } });
  const total = Math.round(rate * seconds);
  for (let offset = 0; offset < total; offset += 128) {
    const block = new Float32Array(128).map((_, i) => 0.5 * Math.sin((2 * Math.PI * hz * (offset + i)) / rate));
    assert.equal(processor.process([[block, block]]), true);
  }
  return processor.port.messages.map((bytes) => {
    const view = new DataView(bytes);
    return Array.from({ length: bytes.byteLength / 2 }, (_, i) => view.getInt16(i * 2, true));
  });
}

for (const rate of [48000, 44100]) {
  test(`${rate} Hz input becomes 20 ms frames of 16 kHz linear16 with the same pitch`, async () => {
    const Processor = await processorAt(rate);
    const frames = capture(Processor, rate, 440, 1);
    assert.ok(frames.length >= 49 && frames.length <= 50, `${frames.length} frames in one second`);
    assert.ok(frames.every((f) => f.length === 320));
    const samples = frames.flat();
    let crossings = 0;
    for (let i = 1; i < samples.length; i++) if ((samples[i - 1] < 0) !== (samples[i] < 0)) crossings++;
    const hz = crossings / 2 / (samples.length / 16000);
    assert.ok(Math.abs(hz - 440) < 5, `measured ${hz} Hz`);
    const peak = Math.max(...samples.map(Math.abs));
    assert.ok(peak > 0.45 * 0x7fff && peak <= 0.5 * 0x7fff + 1, `peak ${peak}`);
  });
}
