# Shared by bench/voice.sh, bench/calls.sh and bench/admission.sh (source it, with OUT set): builds,
# prepares the parley_bench database and a signing key, and stops what the script started on exit;
# start_parley starts the Deepgram stand-in and one Parley node as the README runs it (plus -Xmx512m)
# and sets NODE_PID and API_KEY (a fresh tenant's).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
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

# start_parley <voice sessions> [deepgram stand-in args...]
start_parley() {
  local sessions=$1; shift
  java -Xmx256m -cp bench/target/parley-bench.jar io.parley.bench.BenchDeepgram port=18095 key=bench-key "$@" \
    > "$OUT/deepgram.log" 2>&1 &
  pids+=($!)
  QUARKUS_HTTP_PORT=18080 QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://localhost:5432/parley_bench QUARKUS_REDIS_HOSTS=redis://localhost:6379 \
  PARLEY_ADMIN_TOKEN=bench PARLEY_JWT_PRIVATE_KEY_LOCATION="$KEY" QUARKUS_LOG_LEVEL=WARN \
  PARLEY_DATA_DIR="$OUT/data" PARLEY_PUBLIC_BASE_URL=http://127.0.0.1:18080 \
  PARLEY_DEEPGRAM_API_KEY=bench-key PARLEY_DEEPGRAM_BASE_URL=ws://127.0.0.1:18095 \
  PARLEY_VOICE_MAX_SESSIONS="$sessions" PARLEY_LIMITS_MAX_CONNECTIONS=$((sessions * 2 + 100)) \
    java -Xmx512m -XX:+UseZGC ${NODE_JAVA_OPTS:-} --add-opens java.base/java.lang=ALL-UNNAMED \
    -jar presentation/target/quarkus-app/quarkus-run.jar > "$OUT/node.log" 2>&1 &
  NODE_PID=$!
  pids+=($NODE_PID)
  for _ in $(seq 1 120); do curl -fs http://127.0.0.1:18080/q/health/ready >/dev/null && break; sleep 0.5; done
  curl -fs http://127.0.0.1:18080/q/health/ready >/dev/null || { echo "node did not start"; exit 1; }
  API_KEY=$(curl -fs -X POST http://127.0.0.1:18080/api/v1/tenants -H 'Authorization: Bearer bench' \
    -H 'Content-Type: application/json' -d '{"name":"bench"}' | sed 's/.*"apiKey":"\([^"]*\)".*/\1/')
  curl -fs -X PUT http://127.0.0.1:18080/api/v1/agents/default -H "X-Api-Key: $API_KEY" \
    -H 'Content-Type: application/json' \
    -d '{"name":"Bench","kind":"scripted","greeting":"Hello.","rules":[],"fallback":"Sure, one moment."}' >/dev/null
}

idle() { # waits until the node runs no voice session
  for _ in $(seq 1 60); do
    curl -fs http://127.0.0.1:18080/q/health | grep -Eq '"voiceSessions" *: *0[^0-9]' && return 0; sleep 0.5
  done
}
