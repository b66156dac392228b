// A minimal typed event emitter shared by the Parley client modules (browser and Node).

/** Listeners by event type; `on` returns an unsubscribe function. */
export class Emitter {
  #listeners = new Map();

  /** Calls `fn(payload)` for every `type` event until the returned function is called. */
  on(type, fn) {
    if (typeof fn !== 'function') throw new TypeError('listener must be a function');
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(fn);
    return () => this.off(type, fn);
  }

  /** Removes a listener added with `on`. */
  off(type, fn) {
    const set = this.#listeners.get(type);
    if (set && set.delete(fn) && set.size === 0) this.#listeners.delete(type);
  }

  /** Calls the listeners of `type` in the order they were added; a throwing listener is reported, not fatal. */
  emit(type, payload) {
    const set = this.#listeners.get(type);
    if (!set) return;
    for (const fn of [...set]) {
      try {
        fn(payload);
      } catch (err) {
        queueMicrotask(() => { throw err; });
      }
    }
  }
}
