#!/usr/bin/env bash
# The phone-call benchmark of docs/benchmarks.md: one Parley node (as the README runs it, plus -Xmx512m)
# whose speech is the Deepgram stand-in (timing each 160-byte frame it hears), a tenant with a Twilio
# number, and the call load tool playing Twilio for CALLS concurrent calls (webhook, signed media stream,
# 50 frames/s each in real time), for each count given, then the Node `ws` client (a second client) with
# the first count. Usage: bench/calls.sh [seconds=60] [counts="300 500"]; TURN_MS (default 4000) sets how
# often the stand-in ends a caller's turn, so the agent answers. BASELINE=1 then also runs the same load,
# each count, against bench/node/bare-call-relay.js (the bare inbound relay, label bare-<n>).
SECONDS_PER_RUN=${1:-60}
COUNTS=${2:-"300 500"}
OUT=bench/target/calls
. "$(dirname "$0")/common.sh"
MOST=$(echo $COUNTS | tr ' ' '\n' | sort -n | tail -1)
start_parley "$MOST" turn="${TURN_MS:-4000}" flushMs=600 stamped=160

ACCOUNT_SID=AC$(openssl rand -hex 16)
AUTH_TOKEN=$(openssl rand -hex 16)
NUMBER=+1555$(shuf -i 1000000-9999999 -n 1)
curl -fs -X PUT http://127.0.0.1:18080/api/v1/telephony/twilio -H "X-Api-Key: $API_KEY" \
  -H 'Content-Type: application/json' \
  -d "{\"accountSid\":\"$ACCOUNT_SID\",\"authToken\":\"$AUTH_TOKEN\",\"numbers\":[\"$NUMBER\"]}" >/dev/null

: > "$OUT/results.txt"
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$OUT/results.txt"
for calls in $COUNTS; do
  java -Xmx1g -cp bench/target/parley-bench.jar io.parley.bench.CallLoad http=http://127.0.0.1:18080 \
    deepgram=http://127.0.0.1:18095 accountSid="$ACCOUNT_SID" authToken="$AUTH_TOKEN" number="$NUMBER" \
    calls="$calls" seconds="$SECONDS_PER_RUN" pid=$NODE_PID label="calls-$calls" | tee -a "$OUT/results.txt"
  idle
done
(cd bench/node && npm install --no-audit --no-fund --silent)
node bench/node/call-client.js http://127.0.0.1:18080 "$ACCOUNT_SID" "$AUTH_TOKEN" "$NUMBER" \
  "$(echo $COUNTS | cut -d' ' -f1)" "$SECONDS_PER_RUN" 10 http://127.0.0.1:18095 | tee -a "$OUT/results.txt"
if [ "${BASELINE:-}" = 1 ]; then
  # The baseline, same machine, same run, same load tool: bench/node/bare-call-relay.js does only the
  # inbound relay (webhook TwiML, media event -> JSON parse, base64 decode -> one binary frame on the
  # stand-in's /v1/listen); no voice session, no agent, nothing sent back to the caller. Parley keeps running.
  node bench/node/bare-call-relay.js 18090 ws://127.0.0.1:18095 bench-key > "$OUT/bare-relay.log" 2>&1 &
  RELAY_PID=$!
  pids+=($RELAY_PID)
  for _ in $(seq 1 40); do curl -fs http://127.0.0.1:18090/q/health >/dev/null && break; sleep 0.25; done
  curl -fs http://127.0.0.1:18090/q/health >/dev/null || { echo "bare relay did not start"; exit 1; }
  for calls in $COUNTS; do
    java -Xmx1g -cp bench/target/parley-bench.jar io.parley.bench.CallLoad http=http://127.0.0.1:18090 \
      deepgram=http://127.0.0.1:18095 accountSid="$ACCOUNT_SID" authToken="$AUTH_TOKEN" number="$NUMBER" \
      calls="$calls" seconds="$SECONDS_PER_RUN" pid=$RELAY_PID heap=false label="bare-$calls" | tee -a "$OUT/results.txt"
    for _ in $(seq 1 60); do # until the relay has no media stream open
      curl -fs http://127.0.0.1:18090/q/health | grep -Eq '"voiceSessions":0[^0-9]' && break; sleep 0.5
    done
  done
fi
echo "results in $OUT/results.txt"
