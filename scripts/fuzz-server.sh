#!/usr/bin/env bash
# Contract fuzzing of the reference server: schemathesis (pinned, in a virtualenv under
# target/, never the system Python) generates requests from public/openapi.yaml — valid
# and invalid ones — against a server on a throwaway database seeded with the demo, and
# checks that nothing is a server error, every answer is one the contract lists with the
# body it describes, invalid data is refused, and no operation ignores authentication.
# Run under scripts/pg.sh (make fuzz-server does), which provides DATABASE_URL.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?run under scripts/pg.sh (make fuzz-server)}"
VENV=target/schemathesis
if ! "$VENV/bin/schemathesis" --version 2>/dev/null | grep -q "4.32.5"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis==4.32.5"
fi

cargo build --quiet -p partner_server
BIN=target/debug/partner_server
"$BIN" seed-demo > /dev/null
PORT=${FUZZ_PORT:-8094}
EMPTY=$(mktemp -d)
BIND="127.0.0.1:$PORT" DIST="$EMPTY" "$BIN" serve > target/fuzz-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -rf "$EMPTY"' EXIT
for _ in $(seq 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/api/session" -w '' 2>/dev/null && break
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/session")" = 401 ] && break
  sleep 0.1
done
TOKEN=$(curl -fs "http://127.0.0.1:$PORT/api/sign-in" -H 'content-type: application/json' \
  -d '{"email":"main@example.com","password":"demo-password-2026","bearer":true}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')

# The main account of the demo's first partner: its own scope answers, others' 404.
# Signing out is left out: it would end the very session the run uses (tested natively).
"$VENV/bin/schemathesis" --config-file server/schemathesis.toml run public/openapi.yaml \
  --url "http://127.0.0.1:$PORT/api" \
  --header "Authorization: Bearer $TOKEN" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,negative_data_rejection,ignored_auth \
  --exclude-path /sign-out \
  --phases examples,fuzzing \
  --generation-with-security-parameters false \
  --max-examples "${FUZZ_EXAMPLES:-25}" \
  --seed 34 \
  --generation-database none \
  --workers 2 \
  --suppress-health-check all
