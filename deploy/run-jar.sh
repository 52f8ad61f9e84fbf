#!/usr/bin/env bash
# Runs the packaged app (target/quarkus-app) with the settings from .env: the no-container way to
# serve diemcau on MariaDB and an OIDC provider (deploy/keycloak/keycloak.sh for the demo one).
#
#   ./mvnw -B package -DskipTests      # once per change: builds the jar with the frontend inside
#   cp .env.example .env               # once: then edit it
#   deploy/run-jar.sh                  # runs in the foreground; Ctrl-C stops it
#
# ENV_FILE=/path/to/file picks another settings file; JAVA_OPTS adds JVM options (e.g. -Xmx512m);
# arguments are passed to the app. The file holds plain KEY=value lines (it is read by the shell).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ENV_FILE=${ENV_FILE:-$ROOT/.env}
JAR=$ROOT/target/quarkus-app/quarkus-run.jar

if [[ ! -f $JAR ]]; then
  echo "[run-jar] $JAR is missing: build it with ./mvnw -B package -DskipTests" >&2
  exit 1
fi
if [[ -f $ENV_FILE ]]; then
  echo "[run-jar] settings from $ENV_FILE"
  set -a
  # shellcheck disable=SC1090
  . "$ENV_FILE"
  set +a
else
  echo "[run-jar] no $ENV_FILE: built-in defaults and the current environment only (see .env.example)" >&2
fi
: "${OIDC_AUTH_SERVER_URL:?set OIDC_AUTH_SERVER_URL (e.g. http://localhost:8180/realms/diemcau) in $ENV_FILE}"

JAVA=java
[[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]] && JAVA=$JAVA_HOME/bin/java
echo "[run-jar] http://localhost:${PORT:-8080}  (database ${DB_URL:-jdbc:mariadb://127.0.0.1:3306/diemcau}, OIDC $OIDC_AUTH_SERVER_URL)"
# The working directory is the repository root, where Quarkus also looks for .env on its own.
cd "$ROOT"
# shellcheck disable=SC2086
exec "$JAVA" ${JAVA_OPTS:-} -jar "$JAR" "$@"
