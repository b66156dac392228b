#!/usr/bin/env bash
# Regenerates the real-speech fixtures in this folder. The outputs are committed, so tests and CI
# never need these tools; run this only to change a phrase or a format.
# Made with eSpeak NG 1.51 and SoX 14.4.2 (Debian 12: apt-get install -y espeak-ng sox).
#
# Each fixture is headerless mono audio: 0.3 s of digital silence, the phrase (espeak's own
# leading and trailing silence trimmed), then 1.2 s of digital silence, which is what lets a
# listener see the end of the turn.
#   <name>-linear16-16000.raw  signed 16-bit little-endian PCM, 16 kHz (32,000 bytes per second)
#   <name>-mulaw-8000.raw      G.711 mu-law, 8 kHz (8,000 bytes per second), as Twilio sends it
# -D turns dithering off, so that silence stays exact (0x0000, or 0xFF in mu-law) and the
# output is the same on every run.
set -euo pipefail
cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fixture() {
  local name=$1 text=$2
  espeak-ng -v en-us -s 160 -w "$work/$name.wav" "$text"
  local effects=(silence 1 0.01 0.5% reverse silence 1 0.01 0.5% reverse pad 0.3 1.2)
  sox -D "$work/$name.wav" -t raw -r 16000 -c 1 -b 16 -e signed-integer -L "$name-linear16-16000.raw" "${effects[@]}"
  sox -D "$work/$name.wav" -t raw -r 8000 -c 1 -b 8 -e mu-law "$name-mulaw-8000.raw" "${effects[@]}"
}

fixture price "What is the price?"
fixture stop "Stop, stop."
ls -l ./*.raw
