#!/usr/bin/env bash
# The admission benchmark of docs/benchmarks.md (issue 10): one Parley node run as the README runs it (plus
# -Xmx512m), and the bare Node `ws` server (bench/node/bare-ws-server.js) as the baseline, both driven by
# bench/node/admission-client.js in the same run: serial connects (latency), then a burst of COUNT clients
# with CONCURRENCY connecting at once, with tokens and with the API key; the node's memory (PSS) is read with
# the burst's sockets open. Usage: bench/admission.sh [count=10000] [concurrency=100] [serial=1000]
COUNT=${1:-10000}
CONCURRENCY=${2:-100}
SERIAL=${3:-1000}
OUT=bench/target/admission
. "$(dirname "$0")/common.sh"   # builds, the parley_bench database, the signing key, stop on exit
(cd bench/node && npm install --no-audit --no-fund --silent)

QUARKUS_HTTP_PORT=18080 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/parley_bench \
QUARKUS_REDIS_HOSTS=redis://localhost:6379 PARLEY_ADMIN_TOKEN=bench PARLEY_JWT_PRIVATE_KEY_LOCATION="$KEY" \
PARLEY_DATA_DIR="$OUT/data" PARLEY_LIMITS_MAX_CONNECTIONS=$((COUNT * 2 + 100)) QUARKUS_LOG_LEVEL=WARN \
  java -Xmx512m -XX:+UseZGC ${NODE_JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED \
  -jar presentation/target/quarkus-app/quarkus-run.jar > "$OUT/node.log" 2>&1 &
NODE_PID=$!; pids+=($NODE_PID)
node bench/node/bare-ws-server.js 18090 > "$OUT/bare.log" 2>&1 &
BARE_PID=$!; pids+=($BARE_PID)
for _ in $(seq 1 120); do curl -fs http://127.0.0.1:18080/q/health/ready >/dev/null && break; sleep 0.5; done
curl -fs http://127.0.0.1:18080/q/health/ready >/dev/null || { echo "node did not start"; exit 1; }
API_KEY=$(curl -fs -X POST http://127.0.0.1:18080/api/v1/tenants -H 'Authorization: Bearer bench' \
  -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')

# PSS, not RSS: ZGC maps the heap three times on JDK 17, so RSS counts each heap page up to thrice
pss() { awk '/^Pss:/ {print $2}' /proc/$1/smaps_rollup; }
client() { node bench/node/admission-client.js "$@" | tee -a "$OUT/results.txt"; }
settle() { sleep 3; }

: > "$OUT/results.txt"
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1), node $(node --version)" | tee -a "$OUT/results.txt"
# warm both up (JIT), not reported
node bench/node/admission-client.js ws://127.0.0.1:18080 burst 2000 100 apikey http://127.0.0.1:18080 "$API_KEY" warmup >/dev/null
node bench/node/admission-client.js ws://127.0.0.1:18090 burst 2000 100 none >/dev/null
settle
client ws://127.0.0.1:18090 serial "$SERIAL" 1 none - - bare-serial
settle
client ws://127.0.0.1:18080 serial "$SERIAL" 1 token http://127.0.0.1:18080 "$API_KEY" parley-serial-token
settle
client ws://127.0.0.1:18080 serial "$SERIAL" 1 apikey http://127.0.0.1:18080 "$API_KEY" parley-serial-apikey
settle
client ws://127.0.0.1:18090 burst "$COUNT" "$CONCURRENCY" none - - bare-burst
settle
IDLE_PSS=$(pss $NODE_PID)
HOLD_FILE="$OUT/held" HOLD_MS=8000 node bench/node/admission-client.js ws://127.0.0.1:18080 burst "$COUNT" \
  "$CONCURRENCY" token http://127.0.0.1:18080 "$API_KEY" parley-burst-token | tee -a "$OUT/results.txt" &
HOLDER=$!
for _ in $(seq 1 600); do [ -f "$OUT/held" ] && break; sleep 0.2; done
sleep 4
OPEN_PSS=$(pss $NODE_PID)
wait $HOLDER; rm -f "$OUT/held"
echo "RESULT label=parley-memory clients=$COUNT pss idle=${IDLE_PSS}kB with ${COUNT} open=${OPEN_PSS}kB" \
  "per connection=$(( (OPEN_PSS - IDLE_PSS) * 1024 / COUNT ))B" | tee -a "$OUT/results.txt"
settle
client ws://127.0.0.1:18080 burst "$COUNT" "$CONCURRENCY" apikey http://127.0.0.1:18080 "$API_KEY" parley-burst-apikey
echo "results in $OUT/results.txt"
