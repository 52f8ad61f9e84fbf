#!/usr/bin/env bash
# Runs the demo Keycloak (realm "diemcau") as a plain Java process: no Docker needed.
#
#   deploy/keycloak/keycloak.sh start        download once, import the realm, start, wait until ready
#   deploy/keycloak/keycloak.sh stop         stop what `start` started (by PID)
#   deploy/keycloak/keycloak.sh status       running or not, and whether the realm answers
#   deploy/keycloak/keycloak.sh token USER   print an access token for a demo user (password = username)
#   deploy/keycloak/keycloak.sh reset        stop and forget Keycloak's own data (the realm is re-imported next start)
#
# Settings (environment): KC_VERSION (26.5.6), KC_PORT (8180), KC_JAVA_HOME (a JDK ≥ 21; found automatically),
# KC_CLIENT_SECRET (the realm's demo secret), KC_PASSWORD (for `token`; defaults to the username).
set -euo pipefail

KC_VERSION=${KC_VERSION:-26.5.6}
KC_PORT=${KC_PORT:-8180}
REALM=diemcau
CLIENT_ID=diemcau
CLIENT_SECRET=${KC_CLIENT_SECRET:-diemcau-demo-secret}

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
DIST=$HERE/dist
KC_HOME=$DIST/keycloak-$KC_VERSION
PID_FILE=$DIST/keycloak.pid
LOG_FILE=$DIST/keycloak.log
BASE_URL=http://localhost:$KC_PORT
DISCOVERY=$BASE_URL/realms/$REALM/.well-known/openid-configuration

say() { printf '[keycloak] %s\n' "$*"; }
die() { printf '[keycloak] %s\n' "$*" >&2; exit 1; }

# The PID from the file, if that process is still this Keycloak (not a later process that got the number).
running_pid() {
  [[ -f $PID_FILE ]] || return 1
  local pid
  pid=$(cat "$PID_FILE")
  [[ -n $pid ]] && ps -o args= -p "$pid" 2>/dev/null | grep -qF "$KC_HOME" && echo "$pid"
}

realm_answers() { curl -fsS -o /dev/null --max-time 5 "$DISCOVERY" 2>/dev/null; }

java_major() {
  local v
  v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  echo "${v:-0}"
}

# Keycloak 26.5 needs Java 21 or newer; the project itself builds on 17.
pick_java_home() {
  local candidate
  for candidate in "${KC_JAVA_HOME:-}" "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-21-jdk-amd64 \
    /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/java-21-openjdk-amd64; do
    if [[ -n $candidate && -x $candidate/bin/java ]] && (( $(java_major "$candidate") >= 21 )); then
      echo "$candidate"
      return 0
    fi
  done
  if command -v java >/dev/null; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    (( $(java_major "$candidate") >= 21 )) && { echo "$candidate"; return 0; }
  fi
  die "Keycloak $KC_VERSION needs Java 21 or newer: install one or set KC_JAVA_HOME"
}

fetch() {
  [[ -x $KC_HOME/bin/kc.sh ]] && return 0
  mkdir -p "$DIST"
  local zip=$DIST/keycloak-quarkus-dist-$KC_VERSION.zip
  if [[ ! -f $zip ]]; then
    say "downloading org.keycloak:keycloak-quarkus-dist:$KC_VERSION from Maven Central (≈165 MB, once)"
    (cd "$ROOT" && ./mvnw -q -B org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip" -DoutputDirectory="$DIST")
  fi
  say "unpacking into ${KC_HOME#"$ROOT"/}"
  unzip -q -o "$zip" -d "$DIST"
  rm -f "$zip"
}

start() {
  local pid
  if pid=$(running_pid); then
    say "already running (pid $pid)"
  else
    fetch
    mkdir -p "$KC_HOME/data/import"
    cp "$HERE/diemcau-realm.json" "$KC_HOME/data/import/"
    local java_home
    java_home=$(pick_java_home)
    say "starting on port $KC_PORT with $java_home (log: ${LOG_FILE#"$ROOT"/})"
    # The bootstrap admin exists only for the demo's admin console (http://localhost:$KC_PORT/admin).
    JAVA_HOME=$java_home \
      KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} \
      KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin} \
      nohup "$KC_HOME/bin/kc.sh" start-dev --http-port="$KC_PORT" --import-realm \
      >"$LOG_FILE" 2>&1 </dev/null &
    echo $! >"$PID_FILE"
    pid=$!
  fi
  say "waiting for $DISCOVERY"
  local started=$SECONDS
  until realm_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      tail -n 40 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      die "Keycloak stopped while starting; the log's end is above"
    fi
    # a first start on a busy 2-core machine was seen taking over 5 minutes
    (( SECONDS - started >= 600 )) && die "Keycloak did not answer within 600 s; see $LOG_FILE"
    sleep 2
  done
  say "ready: realm $REALM at $BASE_URL/realms/$REALM (admin console $BASE_URL/admin, admin/admin)"
}

stop() {
  local pid children
  if ! pid=$(running_pid); then
    rm -f "$PID_FILE"
    say "not running"
    return 0
  fi
  # kc.sh stays the parent of the JVM: signal the JVM first, then kc.sh.
  children=$(ps -o pid= --ppid "$pid" || true)
  # shellcheck disable=SC2086
  [[ -n $children ]] && kill $children 2>/dev/null || true
  kill "$pid" 2>/dev/null || true
  local waited=0
  while kill -0 "$pid" 2>/dev/null || { [[ -n $children ]] && kill -0 $children 2>/dev/null; }; do
    if (( waited >= 30 )); then
      say "still running after 30 s: killing"
      # shellcheck disable=SC2086
      kill -9 $children "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  say "stopped (pid $pid${children:+, java $(echo $children)})"
}

status() {
  local pid
  if pid=$(running_pid); then
    if realm_answers; then say "running (pid $pid), realm $REALM answers at $BASE_URL/realms/$REALM"
    else say "running (pid $pid), realm $REALM not answering yet"; fi
  else
    say "not running"
    return 3
  fi
}

token() {
  local user=${1:?usage: keycloak.sh token USER}
  local response
  response=$(curl -sS --max-time 20 "$BASE_URL/realms/$REALM/protocol/openid-connect/token" \
    -d grant_type=password -d client_id="$CLIENT_ID" -d client_secret="$CLIENT_SECRET" \
    --data-urlencode username="$user" --data-urlencode password="${KC_PASSWORD:-$user}" -d scope=openid) \
    || die "Keycloak does not answer at $BASE_URL (start it first)"
  local access
  access=$(printf '%s' "$response" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  [[ -n $access ]] || die "no token for $user: $response"
  printf '%s\n' "$access"
}

reset() {
  stop
  rm -rf "$KC_HOME/data/h2" "$KC_HOME/data/import"
  say "Keycloak data removed; the next start imports deploy/keycloak/diemcau-realm.json afresh"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  token) shift; token "$@" ;;
  reset) reset ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
