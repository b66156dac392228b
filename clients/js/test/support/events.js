// Test helpers: await a client event, collect events, sleep.
import { withTimeout } from './fake-server.js';

/** Resolves with the payload of the next `type` event of `emitter` (a ParleyClient, PeerCall…). */
export function nextEvent(emitter, type, timeoutMs = 5000) {
  let off;
  const event = new Promise((resolve) => { off = emitter.on(type, resolve); });
  return withTimeout(event, timeoutMs, `no "${type}" event`).finally(off);
}

/** Records every event of the given types, in order, as `[type, payload]` pairs. */
export function record(emitter, types) {
  const seen = [];
  for (const type of types) emitter.on(type, (payload) => seen.push([type, payload]));
  return seen;
}

/** Resolves once `check()` is truthy (polled every 10 ms), or rejects saying `what`. */
export async function until(what, check, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await sleep(10);
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
