#!/usr/bin/env bash
# The voice benchmark of docs/benchmarks.md: one Parley node started as the README runs it (plus
# -Xmx512m), its speech pointed at the Deepgram stand-in (bench/…/BenchDeepgram, a separate JVM), the
# tenant's default scripted agent (instant answers), then: the Java voice load tool with SESSIONS
# sessions (load), with 10 sessions (per-turn overhead of the now warm node), and the Node `ws` client
# with SESSIONS sessions (second client). Also reads the per-turn figures Parley itself stored in Postgres.
# Usage: bench/voice.sh [sessions=200] [seconds=60]. Everything it starts, it stops.
SESSIONS=${1:-200}
SECONDS_PER_RUN=${2:-60}
OUT=bench/target/voice
. "$(dirname "$0")/common.sh"
(cd bench/node && npm install --no-audit --no-fund --silent)
start_parley "$SESSIONS" turn=4000 flushMs=600

load() { java -Xmx1g -cp bench/target/parley-bench.jar io.parley.bench.VoiceLoad http=http://127.0.0.1:18080 \
  ws=ws://127.0.0.1:18080 deepgram=http://127.0.0.1:18095 apiKey="$API_KEY" pid=$NODE_PID \
  seconds="$SECONDS_PER_RUN" "$@" | tee -a "$OUT/results.txt"; idle; }

: > "$OUT/results.txt"
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$OUT/results.txt"
SINCE=$(date -u +%FT%TZ)
load label=voice-$SESSIONS sessions="$SESSIONS"
load label=voice-10 sessions=10   # after the load: per-turn overhead of a warm node, little contention
node bench/node/voice-client.js http://127.0.0.1:18080 "$API_KEY" "$SESSIONS" "$SECONDS_PER_RUN" 10 \
  http://127.0.0.1:18095 | tee -a "$OUT/results.txt"
idle
echo "-- what Parley stored per assistant turn since $SINCE (ms; overhead = user_to_bot - stt_latency)" \
  | tee -a "$OUT/results.txt"
psql -h 127.0.0.1 -U postgres -d parley_bench -c "
  select count(*) as turns, count(*) filter (where interrupted) as interrupted,
    percentile_cont(0.5) within group (order by user_to_bot_ms - stt_latency_ms) as overhead_p50,
    percentile_cont(0.99) within group (order by user_to_bot_ms - stt_latency_ms) as overhead_p99,
    percentile_cont(0.99) within group (order by tts_first_byte_ms) as tts_first_byte_p99,
    percentile_cont(0.99) within group (order by llm_first_token_ms) as llm_first_token_p99
  from turns where role = 'ASSISTANT' and user_to_bot_ms is not null and spoken_at >= '$SINCE'" \
  | tee -a "$OUT/results.txt"
echo "results in $OUT/results.txt"
