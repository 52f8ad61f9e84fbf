#!/usr/bin/env bash
# Checks a running diemcau against the demo Keycloak realm, the way the README's "Deploy" section
# was verified: health, OpenAPI, bearer tokens and roles, and the browser sign-in (code flow).
#
#   deploy/smoke.sh [BASE_URL]        default http://localhost:${PORT:-8080}
#
# Needs: the app (deploy/run-jar.sh) and Keycloak (deploy/keycloak/keycloak.sh start) running, curl.
# It creates one DRAFT session titled "Kiểm tra triển khai …" each run.
set -euo pipefail

BASE=${1:-http://localhost:${PORT:-8080}}
KC=$(dirname "${BASH_SOURCE[0]}")/keycloak/keycloak.sh
JAR=$(mktemp)
BODY=$(mktemp)
trap 'rm -f "$JAR" "$BODY"' EXIT
passed=0
failed=0

check() { # name, condition (0 = pass), detail
  if [[ $2 == 0 ]]; then
    passed=$((passed + 1)); printf 'PASS  %s  %s\n' "$1" "$3"
  else
    failed=$((failed + 1)); printf 'FAIL  %s  %s\n' "$1" "$3"
  fi
}
# request METHOD PATH [curl args…] → prints the status; the body lands in $BODY
request() {
  local method=$1 path=$2
  shift 2
  curl -sS -o "$BODY" -w '%{http_code}' -X "$method" "$@" "$BASE$path"
}
has() { grep -q -- "$1" "$BODY"; echo $?; }

echo "== $BASE"
s=$(request GET /q/health/ready)
check "GET /q/health/ready" $([[ $s == 200 && $(has '"status": "UP"') == 0 ]]; echo $?) "$s $(tr -d '\n' <"$BODY" | tr -s ' ' | cut -c1-70)"

s=$(request GET /q/openapi)
check "GET /q/openapi" $([[ $s == 200 && $(has '/api/sessions') == 0 ]]; echo $?) "$s $(grep -c '^  /api/' "$BODY") paths under /api"

organizer=$("$KC" token organizer)
operator=$("$KC" token operator)

s=$(request GET /api/me -H "Authorization: Bearer $organizer")
check "GET /api/me (organizer token)" $([[ $s == 200 && $(has '"username":"organizer"') == 0 && $(has '"roles":\["organizer"\]') == 0 ]]; echo $?) "$s $(cat "$BODY")"

s=$(request GET /api/me -H "Authorization: Bearer $operator")
check "GET /api/me (operator token)" $([[ $s == 200 && $(has '"roles":\["operator"\]') == 0 ]]; echo $?) "$s $(cat "$BODY")"

session='{"title":"Kiểm tra triển khai — Hội nghị tập huấn công tác bảo vệ chính trị nội bộ","kind":"CONFERENCE","startsAt":"2026-12-03T08:00:00+07:00","endsAt":"2026-12-03T11:30:00+07:00"}'
s=$(request POST /api/sessions -H "Authorization: Bearer $organizer" -H 'Content-Type: application/json' --data-binary "$session")
check "POST /api/sessions (organizer)" $([[ $s == 201 && $(has '"status":"DRAFT"') == 0 && $(has 'bảo vệ chính trị nội bộ') == 0 ]]; echo $?) "$s $(grep -o '"id":[0-9]*' "$BODY" | head -n 1), $(grep -o '"status":"[A-Z]*"' "$BODY")"

s=$(request POST /api/sessions -H "Authorization: Bearer $operator" -H 'Content-Type: application/json' --data-binary "$session")
check "POST /api/sessions (operator)" $([[ $s == 403 ]]; echo $?) "$s $(cat "$BODY")"

s=$(request POST /api/sessions -H 'Content-Type: application/json' --data-binary "$session")
check "POST /api/sessions (no token)" $([[ $s == 401 ]]; echo $?) "$s"

# Browser sign-in: the app sends the browser to Keycloak, Keycloak back with a code, the app sets its
# session cookie and returns to ?next=.
out=$(curl -sS -o /dev/null -c "$JAR" -b "$JAR" -w '%{http_code} %{redirect_url}' -H 'Accept: text/html' "$BASE/api/auth/login?next=/sessions")
auth_url=${out#* }
check "GET /api/auth/login?next=/sessions" $([[ ${out%% *} == 302 && $auth_url == */protocol/openid-connect/auth\?* ]]; echo $?) "${out%% *} Location ${auth_url%%\?*}"

if [[ ${out%% *} == 302 ]]; then
  action=$(curl -sS -c "$JAR" -b "$JAR" "$auth_url" | grep -o 'action="[^"]*"' | head -n 1 | sed 's/^action="//; s/"$//; s/&amp;/\&/g')
  back=$(curl -sS -o /dev/null -c "$JAR" -b "$JAR" -w '%{redirect_url}' \
    --data-urlencode username=organizer --data-urlencode password=organizer "$action")
  restore=$(curl -sS -o /dev/null -c "$JAR" -b "$JAR" -w '%{redirect_url}' "$back")
  final=$(curl -sS -o /dev/null -c "$JAR" -b "$JAR" -w '%{http_code} %{redirect_url}' "$restore")
  check "sign in as organizer in Keycloak's form" $([[ $final == "303 $BASE/sessions" ]]; echo $?) "back at ${back%%\?*}, then $final"
  s=$(request GET /api/me -b "$JAR")
  check "GET /api/me (session cookie)" $([[ $s == 200 && $(has '"username":"organizer"') == 0 ]]; echo $?) "$s $(cat "$BODY")"
fi

echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
