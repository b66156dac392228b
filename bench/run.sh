#!/usr/bin/env bash
# The signalling benchmark of docs/benchmarks.md, on this machine: two Parley nodes (-Xmx512m each)
# sharing the local Postgres and Redis, and the raw Vert.x relay baseline (-Xmx512m), driven by the
# load tool. Usage: bench/run.sh [pairs] [seconds] — pairs=5000 means 10,000 sockets on one node.
# SCENARIOS="same raw cross max rawmax" (default: all) picks the runs; NODE_JAVA_OPTS adds JVM flags
# to the Parley nodes. Everything it starts, it stops.
set -euo pipefail
cd "$(dirname "$0")/.."
PAIRS=${1:-5000}
SECONDS_PER_RUN=${2:-30}
RATE=5000
OUT=bench/target/run
mkdir -p "$OUT"
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

./mvnw -B -q -DskipTests package

psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_roles WHERE rolname='parley'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE ROLE parley LOGIN PASSWORD 'parley'"
psql -h 127.0.0.1 -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='parley_bench'" | grep -q 1 \
  || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE parley_bench OWNER parley"

KEY="$OUT/signing-key.pem"
[ -f "$KEY" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$KEY" 2>/dev/null

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

start_node() { # name port
  QUARKUS_HTTP_PORT=$2 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/parley_bench QUARKUS_REDIS_HOSTS=redis://localhost:6379 \
  PARLEY_ADMIN_TOKEN=bench PARLEY_JWT_PRIVATE_KEY_LOCATION="$KEY" PARLEY_LIMITS_MAX_CONNECTIONS=20000 \
  QUARKUS_LOG_LEVEL=WARN \
    java -Xmx512m ${NODE_JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED -jar presentation/target/quarkus-app/quarkus-run.jar \
    > "$OUT/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null && return 0; sleep 0.5; done
  echo "$1 did not start"; exit 1
}

start_node node-a 18080; PID_A=${pids[-1]}
start_node node-b 18081; PID_B=${pids[-1]}
java -Xmx512m -cp bench/target/parley-bench.jar io.parley.bench.RawRelayServer 18090 > "$OUT/raw.log" 2>&1 &
pids+=($!); PID_RAW=$!
sleep 2

API_KEY=$(curl -fs -X POST http://127.0.0.1:18080/api/v1/tenants -H 'Authorization: Bearer bench' \
  -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')

load() { java -Xmx1g -cp bench/target/parley-bench.jar io.parley.bench.LoadTool http=http://127.0.0.1:18080 \
  apiKey="$API_KEY" seconds="$SECONDS_PER_RUN" "$@" | tee -a "$OUT/results.txt"; }

: > "$OUT/results.txt"
echo "== $(date -u +%FT%TZ) $(nproc) cores, $(java -version 2>&1 | head -1)" | tee -a "$OUT/results.txt"
SCENARIOS=${SCENARIOS:-"same raw cross max rawmax"}
for scenario in $SCENARIOS; do
  case $scenario in
    same) load label=parley-same-node target=parley a=ws://127.0.0.1:18080 pairs="$PAIRS" rate=$RATE pids=$PID_A ;;
    raw) load label=raw-same-node target=raw a=ws://127.0.0.1:18090 pairs="$PAIRS" rate=$RATE pids=$PID_RAW ;;
    cross) load label=parley-cross-node target=parley a=ws://127.0.0.1:18080 b=ws://127.0.0.1:18081 \
             pairs=$((PAIRS / 2)) rate=$RATE pids=$PID_A,$PID_B ;;
    max) load label=parley-max target=parley a=ws://127.0.0.1:18080 pairs=200 mode=max window=16 pids=$PID_A ;;
    rawmax) load label=raw-max target=raw a=ws://127.0.0.1:18090 pairs=200 mode=max window=16 pids=$PID_RAW ;;
    *) echo "unknown scenario $scenario"; exit 2 ;;
  esac
done
echo "results in $OUT/results.txt"
