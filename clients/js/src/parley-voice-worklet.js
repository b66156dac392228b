// AudioWorklet processor: the microphone at the AudioContext's rate → mono 16-bit little-endian PCM frames at a lower rate.

/**
 * Averages the input channels, resamples by averaging the input samples that fall in each output sample's span (a box
 * low-pass, so 48 kHz speech does not alias into 16 kHz), and posts frames of `frameMs` as transferable ArrayBuffers.
 */
class ParleyCaptureProcessor extends AudioWorkletProcessor {
  constructor({ processorOptions: { targetRate = 16000, frameMs = 20 } = {} } = {}) {
    super();
    this.ratio = sampleRate / targetRate;
    this.samplesPerFrame = Math.round((targetRate * frameMs) / 1000);
    this.frame = new DataView(new ArrayBuffer(this.samplesPerFrame * 2));
    this.filled = 0;
    this.position = 0;
    this.sum = 0;
    this.count = 0;
    this.last = 0;
  }

  process(inputs) {
    const channels = inputs[0];
    if (!channels || channels.length === 0) return true;
    const length = channels[0].length;
    for (let i = 0; i < length; i++) {
      let sample = 0;
      for (const channel of channels) sample += channel[i];
      this.sum += sample / channels.length;
      this.count++;
      this.position++;
      while (this.position >= this.ratio) {
        if (this.count > 0) {
          this.last = this.sum / this.count;
          this.sum = 0;
          this.count = 0;
        }
        this.position -= this.ratio;
        this.push(this.last);
      }
    }
    return true;
  }

  push(sample) {
    const clipped = Math.max(-1, Math.min(1, sample));
    this.frame.setInt16(this.filled * 2, clipped < 0 ? clipped * 0x8000 : clipped * 0x7fff, true);
    if (++this.filled < this.samplesPerFrame) return;
    const bytes = this.frame.buffer;
    this.port.postMessage(bytes, [bytes]);
    this.frame = new DataView(new ArrayBuffer(this.samplesPerFrame * 2));
    this.filled = 0;
  }
}

registerProcessor('parley-capture', ParleyCaptureProcessor);
