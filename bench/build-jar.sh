#!/usr/bin/env bash
# Builds the production jar the live benchmarks run (target/bench-app/quarkus-run.jar) when it is
# missing or older than a file under src/main or the pom. The same build as `make package`, but
# without the frontend (the benchmarks use only /api and /live) and in its own directory, so a
# target/quarkus-app built with the frontend is left as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/bench-app/quarkus-run.jar
if [[ -f $jar && -z $(find src/main pom.xml -newer "$jar" -print -quit) ]]; then
  echo "[bench] $jar is up to date"
  exit 0
fi
./mvnw -B package -DskipTests -Dquarkus.quinoa=false -Dquarkus.package.output-directory=bench-app
